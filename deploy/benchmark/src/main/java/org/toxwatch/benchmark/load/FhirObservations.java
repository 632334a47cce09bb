package org.toxwatch.benchmark.load;

/**
 * The lab Observations a FHIR load sends: the benchmark's ORU^R01 results and five more, each with an identifier of
 * its own so that none is answered as a resend.
 */
final class FhirObservations {

    /** LOINC, value, UCUM unit, reference low and high. */
    private static final String[][] PANEL = {
        {"751-8", "0.4", "10*9/L", "1.8", "7.7"},
        {"777-3", "42", "10*9/L", "150", "400"},
        {"718-7", "78", "g/L", "120", "160"},
        {"1742-6", "212", "U/L", "7", "56"},
        {"1975-2", "41", "umol/L", "3", "21"},
        {"6690-2", "1.1", "10*9/L", "4", "11"},
        {"731-0", "0.3", "10*9/L", "1", "4.8"},
        {"1920-8", "64", "U/L", "10", "40"},
        {"1988-5", "96", "mg/L", "0", "5"},
        {"2823-3", "3.9", "mmol/L", "3.5", "5.1"}
    };

    /** Distinct analytes in the panel. */
    static final int ANALYTES = PANEL.length;

    private FhirObservations() {}

    /** The {@code index}-th result of the panel for {@code patient}, identified by {@code key} and the index. */
    static String observation(String key, int index, String patient, String collected) {
        String[] result = PANEL[index % PANEL.length];
        return """
                {"resourceType":"Observation",\
                "identifier":[{"system":"urn:oid:2.16.840.1.113883.19.5.1","value":"%s-%d"}],\
                "status":"final",\
                "category":[{"coding":[{"system":"http://terminology.hl7.org/CodeSystem/observation-category",\
                "code":"laboratory"}]}],\
                "code":{"coding":[{"system":"http://loinc.org","code":"%s"}]},\
                "subject":{"reference":"Patient/%s"},"effectiveDateTime":"%s",\
                "valueQuantity":{"value":%s,"system":"http://unitsofmeasure.org","code":"%s"},\
                "referenceRange":[{"low":{"value":%s,"system":"http://unitsofmeasure.org","code":"%s"},\
                "high":{"value":%s,"system":"http://unitsofmeasure.org","code":"%s"}}]}""".formatted(
                        key, index, result[0], patient, collected, result[1], result[2], result[3], result[2],
                        result[4], result[2]);
    }
}
