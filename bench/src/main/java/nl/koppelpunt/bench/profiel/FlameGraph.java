package nl.koppelpunt.bench.profiel;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A flame graph as a self-contained SVG, drawn as an icicle (the thread pool at the top, callees below; width is the
 * share of CPU samples). Colours by kind of code; hover a frame for its full name and share.
 */
final class FlameGraph {

    private static final int WIDTH = 1800;
    private static final int FRAME = 16;
    private static final int TOP = 70;
    private static final double CHAR = 6.4;

    private static final Map<String, String> COLOURS = new LinkedHashMap<>();

    static {
        COLOURS.put("gateway code", "#4caf50");
        COLOURS.put("JSON Schema validation", "#ffd54f");
        COLOURS.put("JSON (Jackson)", "#ffb300");
        COLOURS.put("PostgreSQL JDBC", "#42a5f5");
        COLOURS.put("connection pool", "#90caf9");
        COLOURS.put("Spring JDBC", "#64b5f6");
        COLOURS.put("Spring transactions", "#81d4fa");
        COLOURS.put("Artemis", "#ab47bc");
        COLOURS.put("Artemis (Netty)", "#ce93d8");
        COLOURS.put("Spring JMS", "#ba68c8");
        COLOURS.put("Camel", "#ff7043");
        COLOURS.put("Spring", "#aed581");
        COLOURS.put("Apache HttpClient (delivery)", "#8d6e63");
        COLOURS.put("Tomcat", "#a1887f");
        COLOURS.put("TLS / crypto", "#e53935");
        COLOURS.put("JDK I/O", "#b0bec5");
        COLOURS.put("JDK regex", "#f48fb1");
        COLOURS.put("JDK concurrency", "#cfd8dc");
        COLOURS.put("JDK reflection / invoke", "#bcaaa4");
        COLOURS.put("metrics", "#80cbc4");
        COLOURS.put("logging", "#80deea");
        COLOURS.put("JDK other", "#e0e0e0");
        COLOURS.put("other libraries", "#fff59d");
        COLOURS.put("thread pool", "#ffffff");
    }

    private FlameGraph() {
    }

    private static final class Node {
        final String name;
        long count;
        final Map<String, Node> children = new LinkedHashMap<>();

        Node(String name) {
            this.name = name;
        }

        Node child(String n) {
            return children.computeIfAbsent(n, Node::new);
        }
    }

    /** One drawn frame. */
    private record Box(double x, int y, double w, String fill, String label, String title) {
    }

    static void write(Path svgFile, Path pngFile, List<List<String>> stacks, List<String> threads, String title,
                      long samples, double minPercent) throws IOException {
        Node root = new Node("all");
        for (int i = 0; i < stacks.size(); i++) {
            root.count++;
            Node n = root.child("[" + threads.get(i) + "]");
            n.count++;
            for (String frame : stacks.get(i)) {
                n = n.child(frame);
                n.count++;
            }
        }
        long minCount = Math.max(1, (long) Math.ceil(samples * minPercent / 100.0));
        int height = TOP + (depth(root, minCount) + 1) * FRAME + 20;
        String heading = "Koppelpunt gateway CPU flame graph (icicle: thread pool on top, callees below) - "
                + title + ", " + samples + " samples; frames under " + minPercent + " % left out";
        List<Box> boxes = new ArrayList<>();
        layout(boxes, root, 0, 0, WIDTH, root.count, minCount);
        if (svgFile != null) {
            ProfileCommand.writeString(svgFile, svg(boxes, height, heading));
        }
        if (pngFile != null) {
            png(pngFile, boxes, height, heading);
        }
    }

    private static String svg(List<Box> boxes, int height, String heading) {
        StringBuilder svg = new StringBuilder(1 << 20);
        svg.append(String.format(Locale.ROOT, "<?xml version=\"1.0\" standalone=\"no\"?>%n"
                + "<svg version=\"1.1\" width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\" xmlns=\"http://www.w3.org/2000/svg\" "
                + "font-family=\"monospace\" font-size=\"11\">%n", WIDTH, height, WIDTH, height));
        svg.append("<rect x=\"0\" y=\"0\" width=\"100%\" height=\"100%\" fill=\"#fbfbf7\"/>\n");
        svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"18\" font-size=\"15\" text-anchor=\"middle\">%s</text>%n",
                WIDTH / 2, esc(heading)));
        int x = 10;
        for (Map.Entry<String, String> c : COLOURS.entrySet()) {
            if (c.getKey().equals("thread pool")) {
                continue;
            }
            int w = (int) (c.getKey().length() * CHAR) + 22;
            if (x + w > WIDTH - 10) {
                break;
            }
            svg.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"32\" width=\"12\" height=\"12\" fill=\"%s\"/>"
                    + "<text x=\"%d\" y=\"42\">%s</text>%n", x, c.getValue(), x + 15, esc(c.getKey())));
            x += w;
        }
        for (Box b : boxes) {
            svg.append(String.format(Locale.ROOT,
                    "<g><title>%s</title><rect x=\"%.2f\" y=\"%d\" width=\"%.2f\" height=\"%d\" fill=\"%s\" "
                            + "stroke=\"#fbfbf7\" stroke-width=\"0.5\"/>", esc(b.title()), b.x(), b.y(), b.w(), FRAME - 1, b.fill()));
            if (b.label() != null) {
                svg.append(String.format(Locale.ROOT, "<text x=\"%.2f\" y=\"%d\">%s</text>", b.x() + 2, b.y() + FRAME - 4,
                        esc(b.label())));
            }
            svg.append("</g>\n");
        }
        svg.append("</svg>\n");
        return svg.toString();
    }

    /** The same picture as PNG (Java2D, headless), for documents that do not show SVG. */
    private static void png(Path file, List<Box> boxes, int height, String heading) throws IOException {
        System.setProperty("java.awt.headless", "true");
        java.awt.image.BufferedImage image = new java.awt.image.BufferedImage(WIDTH, height,
                java.awt.image.BufferedImage.TYPE_INT_RGB);
        java.awt.Graphics2D g = image.createGraphics();
        g.setRenderingHint(java.awt.RenderingHints.KEY_TEXT_ANTIALIASING, java.awt.RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(java.awt.Color.decode("#fbfbf7"));
        g.fillRect(0, 0, WIDTH, height);
        g.setColor(java.awt.Color.BLACK);
        g.setFont(new java.awt.Font(java.awt.Font.SANS_SERIF, java.awt.Font.PLAIN, 15));
        int hw = g.getFontMetrics().stringWidth(heading);
        g.drawString(heading, Math.max(4, (WIDTH - hw) / 2), 18);
        java.awt.Font mono = new java.awt.Font(java.awt.Font.MONOSPACED, java.awt.Font.PLAIN, 11);
        g.setFont(mono);
        int x = 10;
        for (Map.Entry<String, String> c : COLOURS.entrySet()) {
            if (c.getKey().equals("thread pool")) {
                continue;
            }
            int w = (int) (c.getKey().length() * CHAR) + 22;
            if (x + w > WIDTH - 10) {
                break;
            }
            g.setColor(java.awt.Color.decode(c.getValue()));
            g.fillRect(x, 32, 12, 12);
            g.setColor(java.awt.Color.BLACK);
            g.drawString(c.getKey(), x + 15, 42);
            x += w;
        }
        for (Box b : boxes) {
            g.setColor(java.awt.Color.decode(b.fill()));
            g.fill(new java.awt.geom.Rectangle2D.Double(b.x(), b.y(), Math.max(0.5, b.w() - 0.5), FRAME - 1));
            if (b.label() != null) {
                g.setColor(java.awt.Color.BLACK);
                java.awt.Shape clip = g.getClip();
                g.clip(new java.awt.geom.Rectangle2D.Double(b.x(), b.y(), b.w(), FRAME));
                g.drawString(b.label(), (float) b.x() + 2, b.y() + FRAME - 4);
                g.setClip(clip);
            }
        }
        g.dispose();
        if (file.toAbsolutePath().getParent() != null) {
            java.nio.file.Files.createDirectories(file.toAbsolutePath().getParent());
        }
        javax.imageio.ImageIO.write(image, "png", file.toFile());
    }

    private static int depth(Node n, long minCount) {
        int d = 0;
        for (Node c : n.children.values()) {
            if (c.count >= minCount) {
                d = Math.max(d, 1 + depth(c, minCount));
            }
        }
        return d;
    }

    private static void layout(List<Box> boxes, Node n, int level, double x, double width, long total, long minCount) {
        int y = TOP + level * FRAME;
        String category = level == 0 || n.name.startsWith("[") ? "thread pool" : ProfileCommand.Categories.of(n.name);
        String fill = COLOURS.getOrDefault(category, "#eeeeee");
        double pct = 100.0 * n.count / total;
        String label = null;
        int chars = (int) ((width - 4) / CHAR);
        if (chars >= 3) {
            label = shortName(n.name);
            if (label.length() > chars) {
                label = label.substring(0, Math.max(1, chars - 2)) + "..";
            }
        }
        boxes.add(new Box(x, y, width, fill, label,
                String.format(Locale.ROOT, "%s (%d samples, %.2f %%)", n.name, n.count, pct)));
        List<Node> children = new ArrayList<>(n.children.values());
        children.sort(Comparator.comparingLong((Node c) -> c.count).reversed());
        double cx = x;
        for (Node c : children) {
            double w = width * c.count / n.count;
            if (c.count >= minCount) {
                layout(boxes, c, level + 1, cx, w, total, minCount);
            }
            cx += w;
        }
    }

    /** "org.apache.camel.processor.Pipeline.process" → "Pipeline.process". */
    private static String shortName(String name) {
        int method = name.lastIndexOf('.');
        if (method <= 0) {
            return name;
        }
        int cls = name.lastIndexOf('.', method - 1);
        return name.substring(cls + 1);
    }

    private static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
