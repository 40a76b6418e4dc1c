package org.opdqueue.archive;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads a whole archive back and checks it as a chain: every segment on its own ({@link Segment#read}), then each
 * against the one before it. The first segment that is altered, missing or out of place is named, and nothing is
 * restored from an archive that is not whole.
 */
public final class ArchiveReader {

    /** The verified segments in order, and the set-up file the restore uses. */
    public record Verified(List<Segment> segments, String latestSetup) {

        public Segment.Link last() {
            return segments.isEmpty() ? Segment.Link.START : segments.get(segments.size() - 1).link();
        }

        public long entries() {
            return segments.stream().mapToLong(s -> s.header().count()).sum();
        }
    }

    private ArchiveReader() {
    }

    /** @throws Segment.Damaged naming the first segment (or set-up file) that is not as written */
    public static Verified verify(DirectoryTarget target) {
        List<String> names = target.segments();
        List<Segment> segments = new ArrayList<>();
        Segment.Link previous = Segment.Link.START;
        String facility = null;
        String latestSetup = null;
        for (String name : names) {
            Segment segment = Segment.read(name, target.read(name));
            Segment.Header h = segment.header();
            long expected = previous.segment() + 1;
            if (!name.equals(Segment.fileName(h.segment()))) {
                throw new Segment.Damaged(name, "it holds segment " + h.segment() + ": segments were renamed or reordered");
            }
            if (h.segment() != expected) {
                throw new Segment.Damaged(Segment.fileName(expected), "it is missing (" + name + " follows "
                        + (previous.segment() == 0 ? "nothing" : Segment.fileName(previous.segment())) + ")");
            }
            if (!h.previousSegmentHash().equals(previous.segmentHash()) || !h.previousChainHash().equals(previous.chainHash())
                    || h.firstSeq() <= previous.lastSeq()) {
                throw new Segment.Damaged(name, "it does not continue " + (previous.segment() == 0 ? "the start of the "
                        + "journal" : Segment.fileName(previous.segment())) + ": a segment was replaced or reordered");
            }
            if (facility != null && !facility.equals(h.facility())) {
                throw new Segment.Damaged(name, "it is of facility " + h.facility() + ", the segments before it of " + facility);
            }
            facility = h.facility();
            for (Segment.SetupFile setup : h.setups()) {
                if (!target.setups().contains(setup.name())) {
                    throw new Segment.Damaged(setup.name(), "it is missing (" + name + " names it)");
                }
                if (!Segment.sha256(target.read(setup.name())).equals(setup.sha256())) {
                    throw new Segment.Damaged(setup.name(), "it does not match the hash " + name + " names: it was altered");
                }
                latestSetup = setup.name();
            }
            segments.add(segment);
            previous = segment.link();
        }
        return new Verified(segments, latestSetup);
    }
}
