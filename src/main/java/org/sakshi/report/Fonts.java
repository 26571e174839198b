package org.sakshi.report;

import java.awt.Font;
import java.awt.FontFormatException;
import java.awt.font.FontRenderContext;
import java.awt.font.GlyphVector;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The embedded Noto fonts (SIL OFL 1.1, see fonts/OFL.txt) and the shaping of text into glyphs.
 *
 * <p>Text is split into runs by script: Devanagari (Hindi, Nepali, Marathi) and Bengali code points
 * go to their Noto face, everything else to Noto Sans; combining marks, ZWJ/ZWNJ and dandas stay
 * with the run they follow. Code points the Noto faces lack (emoji, arrows, dingbats) are drawn with
 * Symbola (monochrome, one weight; see fonts/Symbola-LICENSE.txt); emoji skin-tone modifiers,
 * variation selectors, joiners and tags draw nothing (a sequence shows its parts side by side), and
 * a code point no face covers at all is drawn as U+FFFD. The run's /ActualText always keeps the
 * original, so nothing is lost from the searchable text.
 *
 * <p>Complex runs are shaped by the JDK's OpenType layout engine (HarfBuzz behind
 * {@link Font#layoutGlyphVector}): GSUB reordering (pre-base i-matra), conjuncts, reph and GPOS mark
 * positions come out as in a browser. The glyph ids are those of the same TrueType file that
 * PDFBox embeds, so they are written directly as Identity-H codes.
 */
final class Fonts {
    enum Family { LATIN, DEVANAGARI, BENGALI, SYMBOLS }

    /** Replacement drawn for code points no embedded face covers. */
    static final int PLACEHOLDER = 0xFFFD;

    private static final FontRenderContext FRC = new FontRenderContext(null, false, true);
    private static final Map<Face, Loaded> LOADED = new ConcurrentHashMap<>();

    /** A face: family and weight. */
    record Face(Family family, boolean bold) {
        String resource() {
            String base = switch (family) {
                case LATIN -> "NotoSans";
                case DEVANAGARI -> "NotoSansDevanagari";
                case BENGALI -> "NotoSansBengali";
                case SYMBOLS -> null;
            };
            return base == null ? "fonts/Symbola.ttf" : "fonts/" + base + (bold ? "-Bold" : "-Regular") + ".ttf";
        }
    }

    /** The font file bytes and the AWT font at 1000 units per em (so advances are in PDF glyph-space units). */
    record Loaded(byte[] bytes, Font awt, Map<Integer, int[]> simple) {
    }

    /** A run of text drawn with one face: {@code visual} is shaped, {@code actual} is what it stands for. */
    record Run(Face face, String visual, String actual) {
    }

    /** Shaped glyphs: ids, pen x positions (n + 1 entries, glyph-space units) and y offsets. */
    record Shaped(int[] gids, float[] x, float[] y) {
        float advance() {
            return x[x.length - 1];
        }
    }

    private Fonts() {
    }

    static Loaded load(Face face) {
        return LOADED.computeIfAbsent(face, f -> {
            try (InputStream in = Fonts.class.getResourceAsStream(f.resource())) {
                if (in == null) {
                    throw new IllegalStateException("font resource missing from the jar: " + f.resource());
                }
                byte[] bytes = in.readAllBytes();
                Font awt = Font.createFont(Font.TRUETYPE_FONT, new ByteArrayInputStream(bytes)).deriveFont(1000f);
                return new Loaded(bytes, awt, new ConcurrentHashMap<>());
            } catch (IOException | FontFormatException e) {
                throw new IllegalStateException("cannot load the embedded font " + f.resource(), e);
            }
        });
    }

    static Family scriptOf(int cp) {
        if ((cp >= 0x0900 && cp <= 0x097F) || (cp >= 0xA8E0 && cp <= 0xA8FF) || (cp >= 0x1CD0 && cp <= 0x1CFF)) {
            return Family.DEVANAGARI;
        }
        if (cp >= 0x0980 && cp <= 0x09FF) {
            return Family.BENGALI;
        }
        return null;
    }

    private static boolean attaches(int cp) {
        int type = Character.getType(cp);
        return type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK
                || type == Character.ENCLOSING_MARK || cp == 0x200C || cp == 0x200D
                || cp == 0x0964 || cp == 0x0965 || (cp >= 0xFE00 && cp <= 0xFE0F);
    }

    /** Symbola has one weight: bold text draws its symbols with the same face. */
    private static final Face SYMBOLS = new Face(Family.SYMBOLS, false);

    private static Face face(Family family, boolean bold) {
        return family == Family.SYMBOLS ? SYMBOLS : new Face(family, bold);
    }

    /**
     * Joiners, variation selectors, emoji skin-tone modifiers and tag characters: parts of a sequence
     * that a monochrome face cannot combine, so they draw nothing (Symbola would show a modifier as a
     * separate swatch).
     */
    private static boolean invisible(int cp) {
        return (cp >= 0xFE00 && cp <= 0xFE0F) || cp == 0x200D || cp == 0x200C || (cp >= 0x1F3FB && cp <= 0x1F3FF)
                || (cp >= 0xE0020 && cp <= 0xE007F);
    }

    /** Splits {@code text} into runs by script and coverage (per-character fallback). */
    static List<Run> runs(String text, boolean bold) {
        List<Run> runs = new ArrayList<>();
        Family current = null;
        StringBuilder visual = new StringBuilder();
        StringBuilder actual = new StringBuilder();
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            // dandas (U+0964/5) are encoded in the Devanagari block but shared by Bengali and others
            boolean shared = cp == 0x0964 || cp == 0x0965;
            int type = Character.getType(cp);
            if (type == Character.CONTROL || type == Character.FORMAT && cp != 0x200C && cp != 0x200D
                    || type == Character.SURROGATE) {
                // control, bidi-format and unpaired surrogate code points draw nothing; ActualText keeps them
                if (current == null) {
                    current = Family.LATIN;
                }
                actual.appendCodePoint(cp);
                continue;
            }
            if (current == Family.SYMBOLS && invisible(cp)) {
                // a modifier, selector or joiner inside an emoji sequence: kept in ActualText only
                actual.appendCodePoint(cp);
                continue;
            }
            Family f = shared ? null : scriptOf(cp);
            int draw = cp;
            if (f == null) {
                if (current != null && (attaches(cp) || cp == ' ') && load(face(current, bold)).awt().canDisplay(cp)) {
                    f = current;
                } else if (shared) {
                    f = Family.DEVANAGARI;
                } else if (load(new Face(Family.LATIN, bold)).awt().canDisplay(cp)) {
                    f = Family.LATIN;
                } else if (current != null && load(face(current, bold)).awt().canDisplay(cp)) {
                    f = current;
                } else if (!invisible(cp) && load(SYMBOLS).awt().canDisplay(cp)) {
                    f = Family.SYMBOLS;
                } else {
                    f = Family.LATIN;
                    // joiners, variation selectors, skin-tone modifiers and tag characters vanish; any other
                    // uncovered code point (an emoji) shows one placeholder
                    draw = invisible(cp) ? -1 : PLACEHOLDER;
                }
            }
            if (current != null && f != current) {
                runs.add(new Run(face(current, bold), visual.toString(), actual.toString()));
                visual.setLength(0);
                actual.setLength(0);
            }
            current = f;
            if (draw >= 0) {
                visual.appendCodePoint(draw);
            }
            actual.appendCodePoint(cp);
        }
        if (current != null) {
            runs.add(new Run(face(current, bold), visual.toString(), actual.toString()));
        }
        return runs;
    }

    /** Recently shaped complex runs: chat words repeat, and wrapping measures every word before drawing it. */
    private static final int CACHE_SIZE = 8192;
    private static final Map<Run, Shaped> SHAPED = java.util.Collections.synchronizedMap(
            new java.util.LinkedHashMap<>(CACHE_SIZE * 2, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<Run, Shaped> eldest) {
                    return size() > CACHE_SIZE;
                }
            });

    /** Shapes one run (glyph-space units, 1000 per em). */
    static Shaped shape(Run run) {
        Loaded l = load(run.face());
        if (run.face().family() != Family.LATIN && run.face().family() != Family.SYMBOLS) {
            Run key = new Run(run.face(), run.visual(), "");
            Shaped cached = SHAPED.get(key);
            if (cached == null) {
                cached = shapeComplex(l, run.visual());
                SHAPED.put(key, cached);
            }
            return cached;
        }
        return shapeSimple(l, run.visual());
    }

    private static Shaped shapeComplex(Loaded l, String s) {
        char[] chars = s.toCharArray();
        GlyphVector gv = l.awt().layoutGlyphVector(FRC, chars, 0, chars.length, Font.LAYOUT_LEFT_TO_RIGHT);
        int n = gv.getNumGlyphs();
        int max = l.awt().getNumGlyphs();
        float[] pos = gv.getGlyphPositions(0, n + 1, null);
        int[] gids = new int[n];
        float[] x = new float[n + 1];
        float[] y = new float[n];
        int k = 0;
        for (int i = 0; i < n; i++) {
            int gid = gv.getGlyphCode(i);
            if (gid < 0 || gid >= max) {
                continue; // the layout engine's invisible-glyph markers (0xFFFE, 0xFFFF) are not in the font
            }
            gids[k] = gid;
            x[k] = pos[2 * i];
            y[k] = -pos[2 * i + 1];
            k++;
        }
        x[k] = pos[2 * n];
        return new Shaped(java.util.Arrays.copyOf(gids, k), java.util.Arrays.copyOf(x, k + 1),
                java.util.Arrays.copyOf(y, k));
    }

    /** Latin and symbols need no reordering: cmap glyph and advance per code point, cached (no kerning). */
    private static Shaped shapeSimple(Loaded l, String s) {
        int count = s.codePointCount(0, s.length());
        int[] gids = new int[count];
        float[] x = new float[count + 1];
        float[] y = new float[count];
        int i = 0;
        float pen = 0;
        for (int k = 0; k < s.length(); ) {
            int cp = s.codePointAt(k);
            k += Character.charCount(cp);
            int[] g = l.simple().computeIfAbsent(cp, c -> {
                GlyphVector gv = l.awt().createGlyphVector(FRC, Character.toString(c));
                return new int[] {gv.getGlyphCode(0), Math.round(gv.getGlyphMetrics(0).getAdvanceX() * 16)};
            });
            if (g[0] < 0 || g[0] >= l.awt().getNumGlyphs()) {
                continue; // not in the font (an invisible-glyph marker): draws nothing
            }
            gids[i] = g[0];
            x[i] = pen;
            pen += g[1] / 16f;
            i++;
        }
        x[i] = pen;
        return new Shaped(java.util.Arrays.copyOf(gids, i), java.util.Arrays.copyOf(x, i + 1),
                java.util.Arrays.copyOf(y, i));
    }

    /** Width of {@code text} in points at {@code size}. */
    static float width(String text, boolean bold, float size) {
        float w = 0;
        for (Run r : runs(text, bold)) {
            w += shape(r).advance();
        }
        return w * size / 1000f;
    }

}
