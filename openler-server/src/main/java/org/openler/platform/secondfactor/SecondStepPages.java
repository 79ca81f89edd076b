package org.openler.platform.secondfactor;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import org.jspecify.annotations.Nullable;
import org.openler.platform.kernel.Access;
import org.openler.platform.kernel.Audience;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The second step of signing in: public routes, since the person is not signed in yet; they act only on the
 * session's {@link PendingSignIn}. A wrong code counts against it; at five the password is asked again.
 */
@Controller
class SecondStepPages {

    private final SecondFactors factors;
    private final SecondFactorFlow flow;
    private final Clock clock;

    SecondStepPages(SecondFactors factors, SecondFactorFlow flow, Clock clock) {
        this.factors = factors;
        this.flow = flow;
        this.clock = clock;
    }

    @GetMapping(SecondFactorFlow.SECOND_STEP)
    @Access(Audience.PUBLIC)
    String secondStep(HttpServletRequest request, Model model) {
        PendingSignIn pending = PendingSignIn.in(request.getSession(false), clock.instant());
        if (pending == null) {
            return "redirect:/login?expired";
        }
        SecondFactors.Status status = factors.status(pending.account());
        model.addAttribute("status", status);
        return "secondfactor/second-step";
    }

    @PostMapping(SecondFactorFlow.SECOND_STEP + "/totp")
    @Access(Audience.PUBLIC)
    @Nullable
    String totp(@RequestParam(defaultValue = "") String code, HttpServletRequest request, HttpServletResponse response)
            throws IOException, ServletException {
        PendingSignIn pending = PendingSignIn.in(request.getSession(false), clock.instant());
        if (pending == null) {
            return "redirect:/login?expired";
        }
        if (code.length() <= 20 && factors.verifyTotp(pending.account(), code)) {
            flow.complete(pending, "totp", request, response);
            return null;
        }
        return failed(pending, "totp", request);
    }

    @PostMapping(SecondFactorFlow.SECOND_STEP + "/recovery")
    @Access(Audience.PUBLIC)
    @Nullable
    String recovery(
            @RequestParam(defaultValue = "") String code, HttpServletRequest request, HttpServletResponse response)
            throws IOException, ServletException {
        PendingSignIn pending = PendingSignIn.in(request.getSession(false), clock.instant());
        if (pending == null) {
            return "redirect:/login?expired";
        }
        if (code.length() <= 40 && factors.useRecoveryCode(pending.account(), code)) {
            flow.complete(pending, "recovery code", request, response);
            return null;
        }
        return failed(pending, "recovery code", request);
    }

    private String failed(PendingSignIn pending, String how, HttpServletRequest request) {
        factors.recordFailure(pending.account(), how);
        PendingSignIn after = pending.failedOnce();
        if (after.expired(clock.instant())) {
            request.getSession().removeAttribute(PendingSignIn.ATTRIBUTE);
            return "redirect:/login?expired";
        }
        request.getSession().setAttribute(PendingSignIn.ATTRIBUTE, after);
        return "redirect:" + SecondFactorFlow.SECOND_STEP + "?wrong";
    }
}
