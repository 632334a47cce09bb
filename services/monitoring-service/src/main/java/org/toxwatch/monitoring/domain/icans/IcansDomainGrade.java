package org.toxwatch.monitoring.domain.icans;

/**
 * The grade one assessed ICANS domain gives (CRITERIA.md 5.2).
 *
 * @param domain e.g. {@code ICE score}
 * @param finding what was found, e.g. {@code 6} or {@code awakens to voice}
 */
record IcansDomainGrade(String domain, String finding, int grade) {

    String describe() {
        return "%s %s (grade %d)".formatted(domain, finding, grade);
    }
}
