package org.toxwatch.platform;

import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * For operators: the settings each start of this service changed (README, "Audit of changes"), newest first, as
 * the other change views page them. Secret-named settings are never recorded, and left out here too.
 */
@RestController
class SettingsChangesController {

    static final String PATH = "/api/v1/settings/changes";
    private static final int MAX_PAGE = 500;

    private final SettingsAudit audit;
    private final String service;

    SettingsChangesController(SettingsAudit audit, String service) {
        this.audit = audit;
        this.service = service;
    }

    /** Which settings a start changed, before and after, when and by which account. */
    @GetMapping(PATH)
    List<SettingsAudit.Entry> changes(@RequestParam(defaultValue = "100") int limit) {
        return audit.latest(service, Math.max(1, Math.min(limit, MAX_PAGE)));
    }
}
