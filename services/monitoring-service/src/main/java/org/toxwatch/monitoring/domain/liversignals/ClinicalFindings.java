package org.toxwatch.monitoring.domain.liversignals;

import org.jspecify.annotations.Nullable;

/**
 * The bedside findings of the VOD/SOS criteria (CRITERIA.md 7.2) as a clinician entered them. Each is
 * {@code null} until entered: a finding nobody assessed is unknown, never absent.
 *
 * @param painfulHepatomegaly painful hepatomegaly or right-upper-quadrant pain (7.2 treats them as one input)
 * @param hemodynamicOrUltrasoundEvidence hemodynamic and/or ultrasound evidence of VOD/SOS
 */
public record ClinicalFindings(
        @Nullable Boolean hepatomegaly,
        @Nullable Boolean painfulHepatomegaly,
        @Nullable Boolean ascites,
        @Nullable Boolean hemodynamicOrUltrasoundEvidence) {

    /** No finding entered yet. */
    public static final ClinicalFindings NOT_ENTERED = new ClinicalFindings(null, null, null, null);
}
