package org.openler.platform.obapi;

import org.openler.platform.accounts.AccountService;
import org.openler.platform.audit.AuditLog;
import org.openler.platform.kernel.PlatformUrls;
import org.openler.platform.wallet.WalletImport;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The Open Badges 3.0 API's resource routes: OpenBadgeCredentials (AchievementCredentials) and the profile. */
@RestController
@RequestMapping("/ims/ob/v3p0")
class ObOpenBadgesApi extends ObResourceApi {

    ObOpenBadgesApi(
            ObLearners learners,
            ObCredentials credentials,
            WalletImport imports,
            AccountService accounts,
            PlatformUrls urls,
            AuditLog audit) {
        super(ObStandard.OPEN_BADGES, learners, credentials, imports, accounts, urls, audit);
    }
}
