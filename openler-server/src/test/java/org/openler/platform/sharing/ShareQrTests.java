package org.openler.platform.sharing;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class ShareQrTests {

    private static final Pattern MODULE = Pattern.compile("M(\\d+) (\\d+)h1v1h-1z");
    private static final Pattern VIEW_BOX = Pattern.compile("viewBox=\"0 0 (\\d+) (\\d+)\"");

    @Test
    void theSvgReadsBackAsTheLinkWithAQrDecoder() throws Exception {
        String link = "https://openler.example/share/Qm8xW2a0bD9cE1fG3hI5jK7lM9nO1pQ3rS5tU7vW9xY";
        String dataUrl = ShareQr.svgDataUrl(link);
        assertThat(dataUrl).startsWith("data:image/svg+xml;base64,");
        String svg = new String(
                Base64.getDecoder().decode(dataUrl.substring("data:image/svg+xml;base64,".length())),
                StandardCharsets.UTF_8);
        assertThat(svg).doesNotContain("<script").doesNotContain("href");

        assertThat(decode(svg)).isEqualTo(link);
    }

    /** Draws the SVG's modules four pixels each and reads them with ZXing's decoder. */
    private static String decode(String svg) throws Exception {
        Matcher box = VIEW_BOX.matcher(svg);
        assertThat(box.find()).isTrue();
        int size = Integer.parseInt(box.group(1));
        int scale = 4;
        int[] pixels = new int[size * scale * size * scale];
        Arrays.fill(pixels, 0xFFFFFFFF);
        Matcher m = MODULE.matcher(svg);
        while (m.find()) {
            int x = Integer.parseInt(m.group(1));
            int y = Integer.parseInt(m.group(2));
            for (int dy = 0; dy < scale; dy++) {
                for (int dx = 0; dx < scale; dx++) {
                    pixels[(y * scale + dy) * size * scale + x * scale + dx] = 0xFF000000;
                }
            }
        }
        var source = new RGBLuminanceSource(size * scale, size * scale, pixels);
        return new QRCodeReader()
                .decode(new BinaryBitmap(new HybridBinarizer(source)))
                .getText();
    }
}
