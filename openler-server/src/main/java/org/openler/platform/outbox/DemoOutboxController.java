package org.openler.platform.outbox;

import org.openler.platform.kernel.Access;
import org.openler.platform.kernel.Audience;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * Demo mode only: shows the outbox instead of sending mail, so a visitor can follow invitation and password-reset
 * links. Never present outside demo mode.
 */
@Controller
@ConditionalOnProperty(name = "openler.demo.enabled", havingValue = "true")
class DemoOutboxController {

    private final MailOutbox outbox;

    DemoOutboxController(MailOutbox outbox) {
        this.outbox = outbox;
    }

    @GetMapping("/demo/outbox")
    @Access(Audience.PUBLIC)
    String outbox(Model model) {
        model.addAttribute("messages", outbox.newest(50));
        return "demo/outbox";
    }
}
