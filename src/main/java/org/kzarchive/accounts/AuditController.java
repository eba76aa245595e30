package org.kzarchive.accounts;

import org.springframework.data.domain.Limit;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The audit log for administrators: the latest sign-ins and changes first. */
@Controller
class AuditController {

    static final String AUDIT_VIEW = "editing/audit";
    private static final int SHOWN = 500;

    private final AuditEventRepository events;

    AuditController(AuditEventRepository events) {
        this.events = events;
    }

    @GetMapping("/admin/audit")
    String audit(Model model) {
        model.addAttribute("events", events.findByOrderByIdDesc(Limit.of(SHOWN)));
        model.addAttribute("shown", SHOWN);
        return AUDIT_VIEW;
    }
}
