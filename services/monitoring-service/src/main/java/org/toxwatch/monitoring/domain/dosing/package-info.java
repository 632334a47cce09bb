/**
 * Label-driven dose decisions (CRITERIA.md section 8): the inotuzumab ozogamicin (BESPONSA) pre-dose
 * decision of 8.2.
 */
@NullMarked
package org.toxwatch.monitoring.domain.dosing;

import org.jspecify.annotations.NullMarked;
