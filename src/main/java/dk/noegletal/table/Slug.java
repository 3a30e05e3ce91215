package dk.noegletal.table;

import java.text.Normalizer;
import java.util.Locale;

/** Stable codes made of labels: "Ydelsesgrupper i alt" is ydelsesgrupper-i-alt, "Ingen a-kasse" ingen-a-kasse. */
public final class Slug {

    private Slug() {
    }

    public static String of(String label) {
        String text = label.trim().toLowerCase(Locale.ROOT)
                .replace("æ", "ae").replace("ø", "oe").replace("å", "aa");
        text = Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        text = text.replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        return text.isEmpty() ? "x" : text;
    }
}
