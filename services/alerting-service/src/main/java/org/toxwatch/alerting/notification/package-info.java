/**
 * Notifications: alert events delivered to webhook and e-mail subscriptions, with retries, signatures, sealed
 * secrets and an audit of subscription changes. Uses the patient module for the patient block of a delivery.
 */
package org.toxwatch.alerting.notification;
