/**
 * Alerts: assessments read from monitoring become alert episodes that are raised, escalated, acted on (acknowledge,
 * snooze, assign, resolve) and resolved on recovery; their assessment history, audit trail and the freshness of
 * grading. Other modules use its {@code domain} and {@code application} rings (see ModularityTest).
 */
package org.toxwatch.alerting.alert;
