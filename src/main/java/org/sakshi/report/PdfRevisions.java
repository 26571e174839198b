package org.sakshi.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSBoolean;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSNull;
import org.apache.pdfbox.cos.COSNumber;
import org.apache.pdfbox.cos.COSObject;
import org.apache.pdfbox.cos.COSObjectKey;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.pdmodel.PDDocument;

/**
 * Compares a signed PDF's signed revision with the whole file, for the incremental updates that
 * PAdES long-term validation may add after the approval signature (ETSI EN 319 142-1 §5.4, §5.5):
 * a /DSS dictionary with validation data and document time-stamps in invisible signature fields.
 * Anything else an update changes is refused: pages added, removed or changed (content streams,
 * resources, fonts, images, boxes, inherited page-tree attributes), annotations added, removed or
 * changed (also a visible "signature" widget drawn over the page), form fields and their values,
 * and the document catalogue (open actions, names, outlines, metadata). This is Sakshi's own check
 * behind REPORT_SIGNATURE; EU DSS's visual page comparison is not needed for it.
 */
public final class PdfRevisions {
    private static final int MAX_DEPTH = 200;
    private static final COSName DSS = COSName.getPDFName("DSS");
    private static final COSName EXTENSIONS = COSName.getPDFName("Extensions");
    /** Catalogue members an LTA update may add or change: validation data, extension level, version, the form. */
    private static final Set<COSName> CATALOG_FREE = Set.of(DSS, EXTENSIONS, COSName.VERSION, COSName.ACRO_FORM);

    private PdfRevisions() {
    }

    /**
     * Null when every update after the first {@code signedLength} bytes of {@code pdf} (the revision
     * the approval signature covers) only adds validation data and invisible document time-stamp
     * fields; otherwise one sentence saying what changed.
     */
    public static String changesAfter(Path pdf, long signedLength) throws IOException {
        byte[] all = Files.readAllBytes(pdf);
        if (signedLength <= 0 || signedLength > all.length) {
            return "its signed revision ends at byte " + signedLength + ", outside the file";
        }
        if (signedLength == all.length) {
            return null;
        }
        try (PDDocument signed = Loader.loadPDF(Arrays.copyOf(all, (int) signedLength));
             PDDocument now = Loader.loadPDF(all)) {
            return new Comparison(signed, now).problem();
        }
    }

    private static final class Comparison {
        private final PDDocument a;
        private final PDDocument b;
        private final Map<COSBase, Set<COSBase>> seen = new IdentityHashMap<>();
        private final Set<COSObjectKey> keysInA = new HashSet<>();

        Comparison(PDDocument signed, PDDocument now) {
            this.a = signed;
            this.b = now;
            for (COSObjectKey k : signed.getDocument().getXrefTable().keySet()) {
                keysInA.add(k);
            }
        }

        String problem() {
            int pa = a.getNumberOfPages();
            int pb = b.getNumberOfPages();
            if (pa != pb) {
                return "after its signature the page count changed from " + pa + " to " + pb;
            }
            for (int i = 0; i < pa; i++) {
                if (!same(a.getPage(i).getCOSObject(), b.getPage(i).getCOSObject(), 0)) {
                    return "after its signature page " + (i + 1) + " was changed (its content, resources or"
                            + " annotations)";
                }
            }
            COSDictionary ca = a.getDocumentCatalog().getCOSObject();
            COSDictionary cb = b.getDocumentCatalog().getCOSObject();
            if (!sameDict(ca, cb, CATALOG_FREE, 0)) {
                return "after its signature the document catalogue was changed (actions, names, outlines or"
                        + " metadata)";
            }
            COSDictionary fa = ca.getCOSDictionary(COSName.ACRO_FORM);
            COSDictionary fb = cb.getCOSDictionary(COSName.ACRO_FORM);
            if (fa != null || fb != null) {
                if (fa == null || fb == null || !sameDict(fa, fb, Set.of(COSName.FIELDS, COSName.SIG_FLAGS), 0)
                        || !sameList(fa.getCOSArray(COSName.FIELDS), fb.getCOSArray(COSName.FIELDS), 0)) {
                    return "after its signature its form fields were changed";
                }
            }
            return null;
        }

        /** Two values equal in content; objects already being compared count as equal (cycles). */
        private boolean same(COSBase x, COSBase y, int depth) {
            if (depth > MAX_DEPTH) {
                return false;
            }
            x = deref(x);
            y = deref(y);
            if (x == null || y == null) {
                return x == y;
            }
            if (x instanceof COSDictionary || x instanceof COSArray) {
                Set<COSBase> with = seen.computeIfAbsent(x, k -> java.util.Collections.newSetFromMap(
                        new IdentityHashMap<>()));
                if (!with.add(y)) {
                    return true; // already under comparison higher up
                }
            }
            if (x instanceof COSStream sx) {
                if (!(y instanceof COSStream sy) || !sameDict(sx, sy, Set.of(), depth + 1)) {
                    return false;
                }
                byte[] rx = raw(sx);
                byte[] ry = raw(sy);
                return rx != null && ry != null && Arrays.equals(rx, ry);
            }
            if (x instanceof COSDictionary dx) {
                return y instanceof COSDictionary dy && !(y instanceof COSStream) && sameDict(dx, dy, Set.of(), depth + 1);
            }
            if (x instanceof COSArray ax) {
                return y instanceof COSArray ay && sameList(ax, ay, depth + 1);
            }
            if (x instanceof COSString s) {
                return y instanceof COSString t && Arrays.equals(s.getBytes(), t.getBytes());
            }
            if (x instanceof COSName || x instanceof COSBoolean || x instanceof COSNull) {
                return x.equals(y);
            }
            if (x instanceof COSNumber n) {
                return y instanceof COSNumber m && n.getClass() == m.getClass() && n.floatValue() == m.floatValue()
                        && n.longValue() == m.longValue();
            }
            return false;
        }

        private boolean sameDict(COSDictionary x, COSDictionary y, Set<COSName> free, int depth) {
            Set<COSName> keys = new HashSet<>(x.keySet());
            keys.addAll(y.keySet());
            keys.removeAll(free);
            for (COSName k : keys) {
                COSBase vx = x.getItem(k);
                COSBase vy = y.getItem(k);
                if (COSName.ANNOTS.equals(k)) {
                    if (!sameList(asArray(vx), asArray(vy), depth)) {
                        return false;
                    }
                } else if (!same(vx, vy, depth)) {
                    return false;
                }
            }
            return true;
        }

        /**
         * Two lists (annotations, fields) equal once the entries the update may add are left out of
         * the second: document time-stamp fields that did not exist in the signed revision and cannot
         * be seen (a signature field whose widget has no area).
         */
        private boolean sameList(COSArray x, COSArray y, int depth) {
            List<COSBase> lx = entries(x, false);
            List<COSBase> ly = entries(y, true);
            if (lx.size() != ly.size()) {
                return false;
            }
            for (int i = 0; i < lx.size(); i++) {
                if (!same(lx.get(i), ly.get(i), depth)) {
                    return false;
                }
            }
            return true;
        }

        private List<COSBase> entries(COSArray arr, boolean dropAdded) {
            List<COSBase> out = new ArrayList<>();
            if (arr == null) {
                return out;
            }
            for (int i = 0; i < arr.size(); i++) {
                COSBase e = arr.get(i);
                if (dropAdded && e instanceof COSObject o && o.getKey() != null && !keysInA.contains(o.getKey())
                        && invisibleSignatureField(deref(o))) {
                    continue;
                }
                out.add(e);
            }
            return out;
        }

        private static boolean invisibleSignatureField(COSBase v) {
            if (!(v instanceof COSDictionary d)) {
                return false;
            }
            COSDictionary field = d;
            if (!COSName.SIG.equals(field.getCOSName(COSName.FT))) {
                COSDictionary parent = d.getCOSDictionary(COSName.PARENT);
                if (parent == null || !COSName.SIG.equals(parent.getCOSName(COSName.FT))) {
                    return false;
                }
            }
            COSArray kids = d.getCOSArray(COSName.KIDS);
            if (kids != null) {
                for (int i = 0; i < kids.size(); i++) {
                    if (!(deref(kids.get(i)) instanceof COSDictionary w) || !noArea(w)) {
                        return false;
                    }
                }
                return true;
            }
            return noArea(d);
        }

        private static boolean noArea(COSDictionary widget) {
            COSArray r = widget.getCOSArray(COSName.RECT);
            if (r == null) {
                return true;
            }
            if (r.size() != 4) {
                return false;
            }
            float[] f = r.toFloatArray();
            return f[0] == f[2] || f[1] == f[3];
        }

        private static COSArray asArray(COSBase v) {
            return deref(v) instanceof COSArray arr ? arr : null;
        }

        private static COSBase deref(COSBase v) {
            return v instanceof COSObject o ? o.getObject() : v;
        }

        private static byte[] raw(COSStream s) {
            try (var in = s.createRawInputStream()) {
                return in.readAllBytes();
            } catch (IOException e) {
                return null; // unreadable: never equal
            }
        }
    }
}
