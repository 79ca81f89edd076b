package org.openler.platform.profile;

import java.util.List;
import org.openler.platform.accounts.Account;
import org.openler.platform.accounts.AccountService;
import org.openler.platform.kernel.AccountId;
import org.openler.platform.wallet.HeldCredentialId;
import org.openler.platform.wallet.StatusCheck;
import org.openler.platform.wallet.Wallet;
import org.springframework.stereotype.Service;

/**
 * The learner's verified resume as of now: experiences (newest first), the credentials they show (in their wallet
 * order, hidden ones left out, each with its verification state now) and the skills profile. The page, the PDF and
 * the LER-RS export are all made from this one view.
 */
@Service
public class Resume {

    private final SkillsProfile profile;
    private final Experiences experiences;
    private final AccountService accounts;
    private final Wallet wallet;

    Resume(SkillsProfile profile, Experiences experiences, AccountService accounts, Wallet wallet) {
        this.profile = profile;
        this.experiences = experiences;
        this.accounts = accounts;
        this.wallet = wallet;
    }

    /** A credential on the resume: its state now, and its exact bytes for embedding. */
    public record Shown(StatusCheck.Checked checked, String document) {

        public boolean verified() {
            return checked.state() == StatusCheck.State.VERIFIED;
        }
    }

    public record View(String name, List<Experience> experiences, List<Shown> credentials, List<ProfileSkill> skills) {}

    public View of(AccountId owner) {
        SkillsProfile.Profile now = profile.read(owner);
        String name = accounts.find(owner).map(Account::displayName).orElse("");
        List<Shown> shown = now.credentials().stream()
                .map(c -> new Shown(
                        c,
                        wallet.document(
                                owner, new HeldCredentialId(c.credential().id()))))
                .toList();
        return new View(name, experiences.list(owner), shown, now.skills());
    }
}
