package org.opdqueue.archive;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.stream.Stream;

/**
 * The archive as a directory: meant to be a share of another machine (NFS/SMB) or a USB disk, so that whoever takes
 * the database host cannot rewrite it. Files are only ever added: written under a temporary name, flushed to disk,
 * then linked to their final name, which fails rather than replace a file already there.
 */
public final class DirectoryTarget {

    private final Path directory;

    public DirectoryTarget(Path directory) {
        this.directory = directory;
    }

    public Path directory() {
        return directory;
    }

    /** Segment file names in order (their numbers are zero-padded, so name order is number order). */
    public List<String> segments() {
        return names("segment-", ".jsonl");
    }

    public List<String> setups() {
        return names("setup-", ".json");
    }

    public boolean has(String name) {
        return Files.exists(directory.resolve(name));
    }

    public byte[] read(String name) {
        try {
            return Files.readAllBytes(directory.resolve(name));
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read " + directory.resolve(name), e);
        }
    }

    /** @throws FileAlreadyExistsException when a file of that name is there already: it is never overwritten */
    public void add(String name, byte[] content) throws IOException {
        Path target = directory.resolve(name);
        if (Files.exists(target)) {
            throw new FileAlreadyExistsException(target.toString());
        }
        Files.createDirectories(directory);
        Path temp = directory.resolve("." + name + "." + ProcessHandle.current().pid() + ".tmp");
        try (OutputStream out = Files.newOutputStream(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            out.write(content);
        }
        try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
            channel.force(true);
        }
        try {
            try {
                Files.createLink(target, temp); // atomic, and refuses an existing name
            } catch (FileAlreadyExistsException e) {
                throw e;
            } catch (UnsupportedOperationException | java.nio.file.FileSystemException e) {
                // a share without hard links: a rename, after the check above
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
            }
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    private List<String> names(String prefix, String suffix) {
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(directory)) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.startsWith(prefix) && n.endsWith(suffix))
                    .sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not list " + directory, e);
        }
    }

    @Override
    public String toString() {
        return directory.toString();
    }
}
