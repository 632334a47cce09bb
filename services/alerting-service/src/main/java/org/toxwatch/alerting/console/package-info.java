/**
 * The console and interoperability views: what clinicians read and act through (queue, alert and patient pages,
 * timeline, live feed) and what other systems read (FHIR DetectedIssue, CDS Hooks cards). Reads the alert and
 * patient modules; nothing depends on it.
 */
package org.toxwatch.alerting.console;
