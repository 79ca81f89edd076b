package org.openler.platform.obapi;

import org.openler.platform.accounts.AccountService;
import org.openler.platform.audit.AuditLog;
import org.openler.platform.kernel.PlatformUrls;
import org.openler.platform.wallet.WalletImport;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The CLR 2.0 API's resource routes: ClrCredentials and the profile, the same operations as Open Badges. */
@RestController
@RequestMapping("/ims/clr/v2p0")
class ObClrApi extends ObResourceApi {

    ObClrApi(
            ObLearners learners,
            ObCredentials credentials,
            WalletImport imports,
            AccountService accounts,
            PlatformUrls urls,
            AuditLog audit) {
        super(ObStandard.CLR, learners, credentials, imports, accounts, urls, audit);
    }
}
