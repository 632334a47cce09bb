package org.toxwatch.alerting.alert.application;

import org.toxwatch.model.ToxicityAssessed;
import org.toxwatch.model.ToxicityFamily;

/** What an open alert episode is unique by: one patient, one toxicity family. */
public record EpisodeKey(String patientId, ToxicityFamily family) {

    public static EpisodeKey of(ToxicityAssessed assessment) {
        return new EpisodeKey(assessment.patientId(), assessment.criterion().family());
    }
}
