package org.toxwatch.monitoring.domain.icans;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.toxwatch.model.AppliedThreshold;
import org.toxwatch.model.Criterion;
import org.toxwatch.model.Evidence;
import org.toxwatch.model.IntracranialPressureFinding;
import org.toxwatch.model.LevelOfConsciousness;
import org.toxwatch.model.MotorFinding;
import org.toxwatch.model.NeurologicAssessmentRecorded;
import org.toxwatch.model.ReferenceRangeSource;
import org.toxwatch.model.SeizureFinding;
import org.toxwatch.monitoring.domain.Assessment;
import org.toxwatch.monitoring.domain.patient.AgeAtAssessment;

/**
 * ICANS, ASTCT 2019 consensus grading (Lee et al. 2019, ICE tool and ICANS grading tables), as CRITERIA.md 5.2-5.3
 * specifies it: the grade is the highest grade of the domains assessed.
 *
 * <p>A domain that was not assessed is left out, never read as normal (1.2). The grade of a partly assessed
 * patient is therefore the highest grade of the domains that were assessed, and the summary names the domains
 * that were not, since they could raise it. Grade 0 needs an ICE (or, for a child, CAPD) score: without one,
 * encephalopathy (grades 1-3 by the ICE) cannot be excluded, so a patient with no positive finding and no score is
 * not assessable rather than grade 0.
 *
 * <p>Children (5.3): the CAPD replaces the ICE row, CAPD 1-8 giving grade 1 and CAPD at least 9 grade 3. CAPD 0 is
 * read as grade 0 (the table is silent; 0 is the CAPD's "no symptoms" end, as ICE 10 is the ICE's). Which of the
 * two decides follows the age at the assessment (A-7 decided, see {@link EncephalopathyTool}), and the summary
 * says which tool was used and why. ICE 0 in an awake patient is grade 3; grade 4 for a patient who cannot do the
 * ICE comes from the consciousness domain (unarousable).
 */
public final class IcansRule {

    static final String SOURCE = "ASTCT 2019";

    static final String ICE_7_TO_9 = "ICE score 7-9";
    static final String ICE_3_TO_6 = "ICE score 3-6";
    static final String ICE_0_TO_2 = "ICE score 0-2";
    static final String CAPD_1_TO_8 = "CAPD score 1-8 (child)";
    static final String CAPD_9_OR_MORE = "CAPD score >= 9 (child)";
    static final String AWAKENS_SPONTANEOUSLY = "depressed level of consciousness, awakens spontaneously";
    static final String AWAKENS_TO_VOICE = "awakens to voice";
    static final String AWAKENS_TO_TACTILE = "awakens only to tactile stimulus";
    static final String UNAROUSABLE = "unarousable or needs vigorous or repetitive tactile stimuli; stupor or coma";
    static final String SEIZURE_RESOLVING =
            "any clinical seizure that resolves rapidly, or non-convulsive EEG seizures resolving with intervention";
    static final String SEIZURE_PROLONGED =
            "life-threatening prolonged seizure (> 5 min), or repetitive seizures without return to baseline";
    static final String DEEP_FOCAL_WEAKNESS = "deep focal motor weakness (e.g. hemiparesis, paraparesis)";
    static final String FOCAL_EDEMA = "focal/local edema on neuroimaging";
    static final String DIFFUSE_EDEMA =
            "diffuse cerebral edema; decerebrate or decorticate posturing; cranial nerve VI palsy; papilledema;"
                    + " Cushing's triad";

    private IcansRule() {}

    /** Grades a patient of unknown age: the reported tool decides the encephalopathy row. */
    public static Assessment assess(NeurologicAssessmentRecorded assessment) {
        return assess(assessment, Optional.empty());
    }

    /**
     * @param age the patient's age on the day of the assessment; empty when the birth date is unknown
     */
    public static Assessment assess(NeurologicAssessmentRecorded assessment, Optional<AgeAtAssessment> age) {
        var tool = EncephalopathyTool.choose(assessment, age);
        var domains = domainGrades(assessment, tool);
        var evidence = evidence(assessment);
        var at = assessment.observedAt();
        if (domains.isEmpty()) {
            return Assessment.notAssessable(Criterion.ICANS, at, "no ICANS domain was assessed", evidence);
        }
        var highest = domains.stream()
                .max(Comparator.comparingInt(IcansDomainGrade::grade))
                .orElseThrow();
        var hasScore = tool.ice(assessment) != null || tool.capd(assessment) != null;
        if (highest.grade() == 0 && !hasScore) {
            return Assessment.notAssessable(
                    Criterion.ICANS,
                    at,
                    "no ICE (or CAPD) score and no abnormal finding: encephalopathy cannot be excluded ("
                            + describe(domains) + "; " + tool.basis() + ")",
                    evidence);
        }
        return Assessment.graded(
                Criterion.ICANS,
                highest.grade(),
                at,
                summary(assessment, tool, domains, highest),
                thresholds(assessment, tool),
                evidence,
                false,
                ReferenceRangeSource.NOT_USED);
    }

    /** CRITERIA.md 5.2: ICE 10 is 0, 7-9 is 1, 3-6 is 2, 0-2 is 3. */
    static int iceGrade(int iceScore) {
        if (iceScore >= 10) {
            return 0;
        }
        if (iceScore >= 7) {
            return 1;
        }
        return iceScore >= 3 ? 2 : 3;
    }

    /** CRITERIA.md 5.3: CAPD 1-8 is 1, at least 9 is 3; 0 is read as 0. */
    static int capdGrade(int capdScore) {
        if (capdScore >= 9) {
            return 3;
        }
        return capdScore >= 1 ? 1 : 0;
    }

    static int consciousnessGrade(LevelOfConsciousness consciousness) {
        return switch (consciousness) {
            case ALERT -> 0;
            case DEPRESSED_AWAKENS_SPONTANEOUSLY -> 1;
            case AWAKENS_TO_VOICE -> 2;
            case AWAKENS_TO_TACTILE -> 3;
            case UNAROUSABLE -> 4;
        };
    }

    static int seizureGrade(SeizureFinding seizure) {
        return switch (seizure) {
            case NONE -> 0;
            case RAPIDLY_RESOLVING -> 3;
            case PROLONGED_OR_REPETITIVE -> 4;
        };
    }

    static int motorGrade(MotorFinding motor) {
        return switch (motor) {
            case NONE -> 0;
            case DEEP_FOCAL_WEAKNESS -> 4;
        };
    }

    static int icpGrade(IntracranialPressureFinding icp) {
        return switch (icp) {
            case NONE -> 0;
            case FOCAL_EDEMA -> 3;
            case DIFFUSE_EDEMA_OR_POSTURING_OR_CN6_OR_PAPILLEDEMA_OR_CUSHING -> 4;
        };
    }

    private static List<IcansDomainGrade> domainGrades(NeurologicAssessmentRecorded a, EncephalopathyTool tool) {
        var domains = new ArrayList<IcansDomainGrade>();
        var ice = tool.ice(a);
        if (ice != null) {
            domains.add(new IcansDomainGrade("ICE score", ice + "/10", iceGrade(ice)));
        }
        var capd = tool.capd(a);
        if (capd != null) {
            domains.add(new IcansDomainGrade("CAPD score", String.valueOf(capd), capdGrade(capd)));
        }
        var consciousness = a.consciousness();
        if (consciousness != null) {
            domains.add(new IcansDomainGrade(
                    "consciousness", readable(consciousness.name()), consciousnessGrade(consciousness)));
        }
        var seizure = a.seizure();
        if (seizure != null) {
            domains.add(new IcansDomainGrade("seizure", readable(seizure.name()), seizureGrade(seizure)));
        }
        var motor = a.motor();
        if (motor != null) {
            domains.add(new IcansDomainGrade("motor", readable(motor.name()), motorGrade(motor)));
        }
        var icp = a.icp();
        if (icp != null) {
            domains.add(new IcansDomainGrade("raised ICP / cerebral edema", readable(icp.name()), icpGrade(icp)));
        }
        return domains;
    }

    private static String summary(
            NeurologicAssessmentRecorded a,
            EncephalopathyTool tool,
            List<IcansDomainGrade> domains,
            IcansDomainGrade highest) {
        var drivers = domains.stream()
                .filter(domain -> domain.grade() == highest.grade())
                .map(IcansDomainGrade::domain)
                .collect(Collectors.joining(" and "));
        var summary = "ICANS grade %d (%s): %s; grade set by %s. Encephalopathy tool: %s."
                .formatted(highest.grade(), SOURCE, describe(domains), drivers, tool.basis());
        var notAssessed = notAssessed(a, tool);
        if (!notAssessed.isEmpty()) {
            summary += " Not assessed: " + String.join(", ", notAssessed)
                    + "; the grade is the highest of the assessed domains and could be higher.";
        }
        return summary;
    }

    private static String describe(List<IcansDomainGrade> domains) {
        return domains.stream().map(IcansDomainGrade::describe).collect(Collectors.joining("; "));
    }

    private static List<String> notAssessed(NeurologicAssessmentRecorded a, EncephalopathyTool tool) {
        var missing = new ArrayList<String>();
        if (tool.ice(a) == null && tool.capd(a) == null) {
            missing.add(tool.missingScore());
        }
        if (a.consciousness() == null) {
            missing.add("consciousness");
        }
        if (a.seizure() == null) {
            missing.add("seizure");
        }
        if (a.motor() == null) {
            missing.add("motor");
        }
        if (a.icp() == null) {
            missing.add("raised ICP / cerebral edema");
        }
        return missing;
    }

    /** The rows of the counted score(s); with no counted score, those of the tool the age calls for (else ICE). */
    private static List<AppliedThreshold> thresholds(NeurologicAssessmentRecorded a, EncephalopathyTool tool) {
        var thresholds = new ArrayList<AppliedThreshold>();
        var ice = tool.ice(a);
        var capd = tool.capd(a);
        var noScore = ice == null && capd == null;
        var expected = tool.expected().orElse(EncephalopathyTool.Tool.ICE);
        if (ice != null || (noScore && expected == EncephalopathyTool.Tool.ICE)) {
            thresholds.add(new AppliedThreshold(1, ICE_7_TO_9, ice != null && iceGrade(ice) == 1));
            thresholds.add(new AppliedThreshold(2, ICE_3_TO_6, ice != null && iceGrade(ice) == 2));
            thresholds.add(new AppliedThreshold(3, ICE_0_TO_2, ice != null && iceGrade(ice) == 3));
        }
        if (capd != null || (noScore && expected == EncephalopathyTool.Tool.CAPD)) {
            thresholds.add(new AppliedThreshold(1, CAPD_1_TO_8, capd != null && capdGrade(capd) == 1));
            thresholds.add(new AppliedThreshold(3, CAPD_9_OR_MORE, capd != null && capdGrade(capd) == 3));
        }
        var consciousness = a.consciousness();
        thresholds.add(new AppliedThreshold(
                1, AWAKENS_SPONTANEOUSLY, consciousness == LevelOfConsciousness.DEPRESSED_AWAKENS_SPONTANEOUSLY));
        thresholds.add(
                new AppliedThreshold(2, AWAKENS_TO_VOICE, consciousness == LevelOfConsciousness.AWAKENS_TO_VOICE));
        thresholds.add(
                new AppliedThreshold(3, AWAKENS_TO_TACTILE, consciousness == LevelOfConsciousness.AWAKENS_TO_TACTILE));
        thresholds.add(new AppliedThreshold(4, UNAROUSABLE, consciousness == LevelOfConsciousness.UNAROUSABLE));
        thresholds.add(new AppliedThreshold(3, SEIZURE_RESOLVING, a.seizure() == SeizureFinding.RAPIDLY_RESOLVING));
        thresholds.add(
                new AppliedThreshold(4, SEIZURE_PROLONGED, a.seizure() == SeizureFinding.PROLONGED_OR_REPETITIVE));
        thresholds.add(new AppliedThreshold(4, DEEP_FOCAL_WEAKNESS, a.motor() == MotorFinding.DEEP_FOCAL_WEAKNESS));
        thresholds.add(new AppliedThreshold(3, FOCAL_EDEMA, a.icp() == IntracranialPressureFinding.FOCAL_EDEMA));
        thresholds.add(new AppliedThreshold(
                4,
                DIFFUSE_EDEMA,
                a.icp() == IntracranialPressureFinding.DIFFUSE_EDEMA_OR_POSTURING_OR_CN6_OR_PAPILLEDEMA_OR_CUSHING));
        return thresholds;
    }

    private static List<Evidence> evidence(NeurologicAssessmentRecorded a) {
        var evidence = new ArrayList<Evidence>();
        var ice = a.iceScore();
        if (ice != null) {
            evidence.add(evidence(a, "ice-score", "ICE score (0-10)", BigDecimal.valueOf(ice), "{score}"));
        }
        var capd = a.capdScore();
        if (capd != null) {
            evidence.add(evidence(a, "capd-score", "CAPD score (0-32)", BigDecimal.valueOf(capd), "{score}"));
        }
        addFinding(evidence, a, "icans-consciousness", "Level of consciousness", a.consciousness());
        addFinding(evidence, a, "icans-seizure", "Seizure", a.seizure());
        addFinding(evidence, a, "icans-motor", "Motor findings", a.motor());
        addFinding(evidence, a, "icans-icp", "Raised ICP / cerebral edema", a.icp());
        return evidence;
    }

    private static void addFinding(
            List<Evidence> evidence,
            NeurologicAssessmentRecorded a,
            String code,
            String display,
            @Nullable Enum<?> finding) {
        if (finding != null) {
            evidence.add(evidence(a, code, display + ": " + finding.name(), null, null));
        }
    }

    private static Evidence evidence(
            NeurologicAssessmentRecorded a,
            String code,
            String display,
            @Nullable BigDecimal value,
            @Nullable String unit) {
        return new Evidence(
                a.eventId(), code, display, value, unit, value, unit, null, a.observedAt(), a.sourceMessageId());
    }

    private static String readable(String constant) {
        return constant.toLowerCase(Locale.ROOT).replace('_', ' ');
    }
}
