package org.toxwatch.ingest.adapter.hl7;

import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.toxwatch.model.SpecimenCondition;

/**
 * Specimen conditions as laboratories report them: SPM-24 coded with HL7 table 0493 ({@code HEM}, {@code CLOT},
 * {@code CON}, {@code AUT}), or written in words in an NTE comment or an OBX-8 flag. Words are read
 * conservatively, because a condition lowers an alert's urgency: only the clear adjectives and nouns
 * ({@code hemolyzed}, {@code haemolysed}, {@code hemolysis}, {@code lipemic}, {@code icteric}) count, not after a
 * negation ({@code no hemolysis}, {@code not hemolyzed}) and not as the name of an index ({@code hemolysis
 * index: 0}).
 */
final class SpecimenRemarks {

    private static final Map<String, SpecimenCondition> TABLE_0493 = Map.of(
            "HEM", SpecimenCondition.HEMOLYZED,
            "CLOT", SpecimenCondition.CLOTTED,
            "CON", SpecimenCondition.CONTAMINATED,
            "AUT", SpecimenCondition.AUTOLYZED);

    private static final Map<SpecimenCondition, Pattern> WORDS = Map.of(
            SpecimenCondition.HEMOLYZED, word("ha?emoly(?:[sz]ed|sis)"),
            SpecimenCondition.LIPEMIC, word("lipa?emi(?:c|a)"),
            SpecimenCondition.ICTERIC, word("icter(?:ic|us)"));

    private static final Pattern NEGATION =
            Pattern.compile("\\b(?:no|not|non|without|free of|negative for)\\b[\\s-]*(?:\\w+\\s+)?$");

    private SpecimenRemarks() {}

    /** A condition coded in SPM-24 (identifier, else its text read as words). */
    static Set<SpecimenCondition> coded(String identifier, String text) {
        SpecimenCondition condition = TABLE_0493.get(identifier.trim().toUpperCase(Locale.ROOT));
        if (condition != null) {
            return EnumSet.of(condition);
        }
        return written(List.of(identifier, text));
    }

    /** The conditions stated in free text (NTE-3, OBX-8). */
    static Set<SpecimenCondition> written(List<String> remarks) {
        Set<SpecimenCondition> found = EnumSet.noneOf(SpecimenCondition.class);
        for (String remark : remarks) {
            String text = remark.toLowerCase(Locale.ROOT);
            WORDS.forEach((condition, pattern) -> {
                Matcher m = pattern.matcher(text);
                while (m.find()) {
                    if (!NEGATION.matcher(text.substring(Math.max(0, m.start() - 24), m.start()))
                            .find()) {
                        found.add(condition);
                        break;
                    }
                }
            });
        }
        return found;
    }

    private static Pattern word(String stem) {
        return Pattern.compile("\\b" + stem + "\\b(?!\\s*(?:index|check))");
    }
}
