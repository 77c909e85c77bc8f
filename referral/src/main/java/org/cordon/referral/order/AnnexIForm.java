package org.cordon.referral.order;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A removal order as the template of Annex I to Regulation (EU) 2021/784 ("TCO") lays it out,
 * section by section. The record holds what the issuer filled in: a blank string or an empty list
 * means "not filled in" and {@link AnnexIValidator#problems} names every such gap, so a draft can
 * be built up, checked and shown before it is complete. Only a form without problems may be sent.
 *
 * @param issuingAuthority Section E (and the Member State of Section A)
 * @param addressee Section A: the hosting service provider, its contact point and main establishment
 * @param reference Section A: the order's reference number
 * @param issuedAt Section A: time and date of issue
 * @param content Section B: exact URLs and any information that locates the content
 * @param reasons Section B: the Art. 2(7) grounds ticked and the additional information on them
 * @param contentProviderNotice Section C: whether the provider may tell the content provider
 * @param crossBorder Section D: where the order is copied when the provider is established elsewhere
 * @param followUp Section F: where the provider reports removal and asks for clarification
 * @param redress Section G: how to challenge the order
 * @param authentication Section E: who certifies the order as accurate, and how it is authenticated
 */
public record AnnexIForm(
    IssuingAuthority issuingAuthority,
    Addressee addressee,
    String reference,
    Optional<Instant> issuedAt,
    Content content,
    Reasons reasons,
    ContentProviderNotice contentProviderNotice,
    CrossBorder crossBorder,
    FollowUp followUp,
    Redress redress,
    Authentication authentication) {

  public AnnexIForm {
    Objects.requireNonNull(issuingAuthority, "issuingAuthority");
    Objects.requireNonNull(addressee, "addressee");
    Objects.requireNonNull(reference, "reference");
    Objects.requireNonNull(issuedAt, "issuedAt");
    Objects.requireNonNull(content, "content");
    Objects.requireNonNull(reasons, "reasons");
    Objects.requireNonNull(contentProviderNotice, "contentProviderNotice");
    Objects.requireNonNull(crossBorder, "crossBorder");
    Objects.requireNonNull(followUp, "followUp");
    Objects.requireNonNull(redress, "redress");
    Objects.requireNonNull(authentication, "authentication");
  }

  /** The kinds of issuing authority Section E offers. */
  public enum AuthorityType {
    JUDICIAL("judge, court or investigating judge"),
    LAW_ENFORCEMENT("law enforcement authority"),
    OTHER_COMPETENT_AUTHORITY("other competent authority");

    private final String label;

    AuthorityType(String label) {
      this.label = label;
    }

    public String label() {
      return label;
    }
  }

  /**
   * The authority that issues the order.
   *
   * @param memberState ISO 3166 alpha-2 code of the issuing Member State ("EL" for Greece is accepted)
   * @param fileNumber the authority's own file number for the matter
   * @param phone with country code
   */
  public record IssuingAuthority(String memberState, AuthorityType type, String name, String representativeName, String representativePost, String fileNumber, String address, String phone, String email) {
    public IssuingAuthority {
      Objects.requireNonNull(memberState, "memberState");
      Objects.requireNonNull(type, "type");
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(representativeName, "representativeName");
      Objects.requireNonNull(representativePost, "representativePost");
      Objects.requireNonNull(fileNumber, "fileNumber");
      Objects.requireNonNull(address, "address");
      Objects.requireNonNull(phone, "phone");
      Objects.requireNonNull(email, "email");
    }
  }

  /**
   * The hosting service provider the order is addressed to.
   *
   * @param contactPoint the provider's Art. 15 contact point (an e-mail address or a postal address)
   * @param mainEstablishment ISO code of the Member State of its main establishment or legal representative
   */
  public record Addressee(String hostingServiceProvider, Optional<String> legalRepresentative, String contactPoint, String mainEstablishment) {
    public Addressee {
      Objects.requireNonNull(hostingServiceProvider, "hostingServiceProvider");
      Objects.requireNonNull(legalRepresentative, "legalRepresentative");
      Objects.requireNonNull(contactPoint, "contactPoint");
      Objects.requireNonNull(mainEstablishment, "mainEstablishment");
    }
  }

  /** The exact URLs, and anything else that finds the content (a post id, a timestamp in a video). */
  public record Content(List<String> urls, String additionalInformation) {
    public Content {
      urls = List.copyOf(urls);
      Objects.requireNonNull(additionalInformation, "additionalInformation");
    }
  }

  /** The boxes of Section B: why the material is terrorist content under Art. 2(7). */
  public enum Ground {
    /** Art. 2(7)(a): incites the commission of terrorist offences, including by glorifying terrorist acts. */
    INCITES("2(7)(a)", "incites others to commit terrorist offences, including by glorifying terrorist acts or advocating such offences"),
    /** Art. 2(7)(b). */
    SOLICITS_COMMISSION("2(7)(b)", "solicits others to commit or contribute to the commission of terrorist offences"),
    /** Art. 2(7)(c). */
    SOLICITS_PARTICIPATION("2(7)(c)", "solicits others to participate in the activities of a terrorist group"),
    /** Art. 2(7)(d). */
    INSTRUCTS("2(7)(d)", "provides instruction on making or using explosives, firearms, other weapons or noxious substances, or on other methods, for terrorist offences"),
    /** Art. 2(7)(e). */
    THREATENS("2(7)(e)", "constitutes a threat to commit a terrorist offence");

    private final String article;
    private final String description;

    Ground(String article, String description) {
      this.article = article;
      this.description = description;
    }

    /** "2(7)(a)". */
    public String article() {
      return article;
    }

    /** What the box says, in our words. */
    public String description() {
      return description;
    }

    /**
     * The ground of a desk category: "incites", "glorifies" (a form of incitement under (a)),
     * "solicits", "solicits_participation" / "recruits", "instructs", "threatens".
     */
    public static Optional<Ground> ofCategory(String category) {
      return Optional.ofNullable(switch (category.trim().toLowerCase(Locale.ROOT).replace('-', '_').replace(' ', '_')) {
        case "incites", "glorifies", "advocates" -> INCITES;
        case "solicits", "solicits_commission" -> SOLICITS_COMMISSION;
        case "solicits_participation", "recruits" -> SOLICITS_PARTICIPATION;
        case "instructs" -> INSTRUCTS;
        case "threatens" -> THREATENS;
        default -> null;
      });
    }
  }

  public record Reasons(Set<Ground> grounds, String additionalInformation) {
    public Reasons {
      grounds = Set.copyOf(grounds);
      Objects.requireNonNull(additionalInformation, "additionalInformation");
    }
  }

  /** Section C: tell the content provider (Art. 11), or not, for reasons of public security. */
  public sealed interface ContentProviderNotice {
    /** The provider informs the content provider as Art. 11 requires. */
    record Inform() implements ContentProviderNotice {}

    /**
     * The provider must not inform the content provider for {@code period} (Art. 11(3): at most
     * six weeks, which the authority may extend by six more while the reasons last).
     */
    record Withhold(String publicSecurityReason, Duration period) implements ContentProviderNotice {
      public Withhold {
        Objects.requireNonNull(publicSecurityReason, "publicSecurityReason");
        Objects.requireNonNull(period, "period");
      }
    }
  }

  /**
   * Section D. When the provider's main establishment is in another Member State, a copy goes to
   * that State's competent authority (Art. 4); {@code copySentTo} names it.
   */
  public record CrossBorder(Optional<String> copySentTo) {
    public CrossBorder {
      Objects.requireNonNull(copySentTo, "copySentTo");
    }
  }

  /** Section F: the issuer's contact for feedback on removal and for clarification. */
  public record FollowUp(String name, String email, String phone) {
    public FollowUp {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(email, "email");
      Objects.requireNonNull(phone, "phone");
    }
  }

  /**
   * Section G.
   *
   * @param competentBody the body or court where the order can be challenged
   * @param deadline the deadline for a challenge and from when it runs ("30 days from receipt")
   * @param nationalProvisions the provisions of national law (a citation or a link)
   */
  public record Redress(String competentBody, String deadline, String nationalProvisions) {
    public Redress {
      Objects.requireNonNull(competentBody, "competentBody");
      Objects.requireNonNull(deadline, "deadline");
      Objects.requireNonNull(nationalProvisions, "nationalProvisions");
    }
  }

  /** How the order's authenticity can be checked (Art. 3(5)). */
  public enum AuthenticationMethod {
    QUALIFIED_ELECTRONIC_SIGNATURE("qualified electronic signature"),
    QUALIFIED_ELECTRONIC_SEAL("qualified electronic seal"),
    STAMP_AND_SIGNATURE("official stamp and handwritten signature"),
    AUTHENTICATED_CHANNEL("sent over an authenticated channel agreed with the provider");

    private final String label;

    AuthenticationMethod(String label) {
      this.label = label;
    }

    public String label() {
      return label;
    }
  }

  /** Section E: who certifies the order as accurate and correct, when, and how it is authenticated. */
  public record Authentication(String signatory, String post, Optional<Instant> signedAt, AuthenticationMethod method) {
    public Authentication {
      Objects.requireNonNull(signatory, "signatory");
      Objects.requireNonNull(post, "post");
      Objects.requireNonNull(signedAt, "signedAt");
      Objects.requireNonNull(method, "method");
    }
  }
}
