package org.opdqueue.support;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import javax.imageio.ImageIO;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.MultiFormatReader;
import com.google.zxing.NotFoundException;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;

/** What browser tests read off the screen: QR codes, and the README's screenshots when asked for. */
public final class Screens {

    /** Set {@code -Dreadme.screenshots=docs/screenshots} to have the browser tests refresh the README's pictures. */
    private static final String SCREENSHOTS = System.getProperty("readme.screenshots");

    private Screens() {
    }

    /**
     * The text of the QR code as drawn on screen. A long page just scrolled may not be painted yet when the
     * screenshot is taken (seen once in 100 slips of a printed book on a busy machine), so an unreadable picture is
     * taken again, up to three times; what it reads must still be the whole code.
     */
    public static String qrText(Locator image) {
        NotFoundException unreadable = null;
        byte[] picture = null;
        for (int attempt = 0; attempt < 3; attempt++) {
            try {
                picture = image.screenshot();
                return read(ImageIO.read(new ByteArrayInputStream(picture)));
            } catch (NotFoundException e) {
                unreadable = e;
                image.page().waitForTimeout(250);
            } catch (IOException e) {
                throw new AssertionError("no picture of " + image, e);
            }
        }
        Path kept = Path.of("target", "unreadable-qr-" + System.nanoTime() + ".png");
        try {
            Files.write(kept, picture);
        } catch (IOException e) {
            kept = null;
        }
        throw new AssertionError("no readable QR code in " + image + " (picture kept in " + kept + ")", unreadable);
    }

    /**
     * The picture is exactly the drawn code and its quiet zone, as a phone would see the slip straight on; the
     * finder-pattern search alone missed a few such codes by their content (one slip of a 100-slip book, depending
     * on the service code), so the reader also gets the hint that the picture is nothing but the code.
     */
    private static String read(BufferedImage drawn) throws NotFoundException {
        BinaryBitmap bitmap = new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(drawn)));
        try {
            return new MultiFormatReader().decode(bitmap, Map.of(DecodeHintType.TRY_HARDER, Boolean.TRUE)).getText();
        } catch (NotFoundException e) {
            return new MultiFormatReader().decode(bitmap, Map.of(DecodeHintType.PURE_BARCODE, Boolean.TRUE)).getText();
        }
    }

    public static void keep(Page page, String name) {
        if (SCREENSHOTS != null) {
            page.screenshot(new Page.ScreenshotOptions().setPath(Path.of(SCREENSHOTS, name + ".png")));
        }
    }
}
