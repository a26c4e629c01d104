package dev.crawlcase.crawler.url;

import org.junit.jupiter.api.Test;

import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The hand-written splitter agrees with RFC 3986 appendix B's regular expression (the code it replaced), and the
 * dot-segment shortcut with the full section 5.2.4 algorithm, on every one of many random references.
 */
class UriPartsTest {
    private static final Pattern APPENDIX_B =
            Pattern.compile("^(?:([^:/?#]+):)?(?://([^/?#]*))?([^?#]*)(?:\\?([^#]*))?(?:#.*)?$", Pattern.DOTALL);
    private static final Pattern SCHEME = Pattern.compile("[A-Za-z][A-Za-z0-9+.-]*");
    private static final String ALPHABET = ":/?#.aZ9+-%@[] \n";

    @Test
    void splitsLikeAppendixB() {
        Random random = new Random(3986);
        for (int i = 0; i < 200_000; i++) {
            String ref = randomString(random, 14);
            assertThat(UriParts.parse(ref)).as(ref).isEqualTo(byRegex(ref));
        }
        assertThat(UriParts.parse("http://h:80/a/b.html?q=1#f"))
                .isEqualTo(new UriParts("http", "h:80", "/a/b.html", "q=1"));
        assertThat(UriParts.parse("1http://h/")).isNull();
        assertThat(UriParts.parse("//h")).isEqualTo(new UriParts(null, "h", "", null));
        assertThat(UriParts.parse("a?b#c?d")).isEqualTo(new UriParts(null, null, "a", "b"));
    }

    @Test
    void removesDotSegmentsLikeTheFullAlgorithm() {
        Random random = new Random(524);
        String[] pieces = {"/", ".", "..", "a", "b.html", "./", "../", "/.", "/..", ".a", "a."};
        for (int i = 0; i < 100_000; i++) {
            StringBuilder path = new StringBuilder();
            for (int k = random.nextInt(7); k > 0; k--) {
                path.append(pieces[random.nextInt(pieces.length)]);
            }
            String p = path.toString();
            assertThat(UriParts.removeDotSegments(p)).as(p).isEqualTo(fullAlgorithm(p));
        }
        assertThat(UriParts.removeDotSegments("/a/b/c/./../../g")).isEqualTo("/a/g");
        assertThat(UriParts.removeDotSegments("mid/content=5/../6")).isEqualTo("mid/6");
    }

    private static String randomString(Random random, int maxLength) {
        StringBuilder s = new StringBuilder();
        for (int k = random.nextInt(maxLength + 1); k > 0; k--) {
            s.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return s.toString();
    }

    private static UriParts byRegex(String reference) {
        Matcher m = APPENDIX_B.matcher(reference);
        if (!m.matches()) {
            return null;
        }
        String scheme = m.group(1);
        if (scheme != null && !SCHEME.matcher(scheme).matches()) {
            return null;
        }
        return new UriParts(scheme, m.group(2), m.group(3), m.group(4));
    }

    /** RFC 3986 section 5.2.4 as written, with no shortcut. */
    private static String fullAlgorithm(String input) {
        StringBuilder out = new StringBuilder();
        String in = input;
        while (!in.isEmpty()) {
            if (in.startsWith("../")) {
                in = in.substring(3);
            } else if (in.startsWith("./")) {
                in = in.substring(2);
            } else if (in.startsWith("/./")) {
                in = in.substring(2);
            } else if (in.equals("/.")) {
                in = "/";
            } else if (in.startsWith("/../")) {
                in = in.substring(3);
                out.setLength(Math.max(out.lastIndexOf("/"), 0));
            } else if (in.equals("/..")) {
                in = "/";
                out.setLength(Math.max(out.lastIndexOf("/"), 0));
            } else if (in.equals(".") || in.equals("..")) {
                in = "";
            } else {
                int next = in.indexOf('/', 1);
                int end = next < 0 ? in.length() : next;
                out.append(in, 0, end);
                in = in.substring(end);
            }
        }
        return out.toString();
    }
}
