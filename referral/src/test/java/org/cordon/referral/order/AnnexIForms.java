package org.cordon.referral.order;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import org.cordon.referral.order.AnnexIForm.Addressee;
import org.cordon.referral.order.AnnexIForm.Authentication;
import org.cordon.referral.order.AnnexIForm.AuthenticationMethod;
import org.cordon.referral.order.AnnexIForm.AuthorityType;
import org.cordon.referral.order.AnnexIForm.Content;
import org.cordon.referral.order.AnnexIForm.ContentProviderNotice;
import org.cordon.referral.order.AnnexIForm.CrossBorder;
import org.cordon.referral.order.AnnexIForm.FollowUp;
import org.cordon.referral.order.AnnexIForm.Ground;
import org.cordon.referral.order.AnnexIForm.IssuingAuthority;
import org.cordon.referral.order.AnnexIForm.Reasons;
import org.cordon.referral.order.AnnexIForm.Redress;

/** Complete removal orders for tests, about the range's fictional organisation; public for the gateway tests. */
public final class AnnexIForms {
  public static final Instant ISSUED = Instant.parse("2026-03-14T09:26:53Z");

  private AnnexIForms() {}

  public static AnnexIForm complete() {
    return complete("NL-IRU-2026-000417", List.of("https://x.example/post/1001", "https://x.example/post/1002?lang=en"));
  }

  public static AnnexIForm complete(String reference, List<String> urls) {
    return new AnnexIForm(
        new IssuingAuthority("NL", AuthorityType.LAW_ENFORCEMENT, "Internet Referral Desk Testland", "Inspector Anna Example",
            "Head of Desk", "IRD/2026/88", "Teststraat 1, 2500 AA Den Haag", "+31 70 000 0000", "orders@ird.example"),
        new Addressee("Microblog Example B.V.", Optional.of("Example Legal Rep Ltd"), "tco-contact@microblog.example", "IE"),
        reference,
        Optional.of(ISSUED),
        new Content(urls, "Posts by account @placeholder_outlet, video at 00:42"),
        new Reasons(EnumSet.of(Ground.INCITES, Ground.SOLICITS_PARTICIPATION),
            "Release of the fictional outlet Placeholder Media glorifying an attack and calling readers to join"),
        new ContentProviderNotice.Inform(),
        new CrossBorder(Optional.of("Coimisiun na Mean (IE competent authority)")),
        new FollowUp("Duty officer IRD", "followup@ird.example", "+31 70 000 0001"),
        new Redress("District Court of The Hague", "within 6 weeks of receipt", "Art. 9 Regulation (EU) 2021/784; national implementing act art. 12"),
        new Authentication("Anna Example", "Inspector", Optional.of(ISSUED.minusSeconds(60)), AuthenticationMethod.QUALIFIED_ELECTRONIC_SEAL));
  }

  public static AnnexIForm withholding(AnnexIForm form, String reason, Duration period) {
    return new AnnexIForm(form.issuingAuthority(), form.addressee(), form.reference(), form.issuedAt(), form.content(), form.reasons(),
        new ContentProviderNotice.Withhold(reason, period), form.crossBorder(), form.followUp(), form.redress(), form.authentication());
  }
}
