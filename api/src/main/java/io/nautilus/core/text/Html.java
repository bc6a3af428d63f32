package io.nautilus.core.text;

/** HTML text helpers for the engines' self-contained reports (tear sheets, risk reports): pure, no HTTP. Stateless and thread-safe. */
public final class Html {
    private Html() {
    }

    /** Escapes text for HTML element content and quoted attribute values. */
    public static String escape(String s) {
        var sb = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            switch (c) {
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '&' -> sb.append("&amp;");
                case '"' -> sb.append("&quot;");
                case '\'' -> sb.append("&#39;");
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }
}
