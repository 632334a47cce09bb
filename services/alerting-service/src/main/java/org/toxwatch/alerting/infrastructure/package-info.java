/**
 * What every module runs on: the clock, scheduling, the topics alerting declares, the one listener error handler and
 * dead-letter path, listener liveness, and the service's row of the role matrix. Depends on no other module.
 */
package org.toxwatch.alerting.infrastructure;
