/** Cross-cutting Spring wiring shared by the three services. No clinical logic lives here. */
@NullMarked
package org.toxwatch.platform;

import org.jspecify.annotations.NullMarked;
