//! The deploy-time settings (`deploy/site.toml`, docs/deploy-settings.md): the rules `build.rs`
//! applies before it compiles the file in, and the settings this build was made with.
use ilmastoaskeleet::i18n::Lang;
use ilmastoaskeleet::site::SITE;
use ilmastoaskeleet::site_rules::{
    feedback_href, is_email, is_example_domain, is_https_url, validate, SiteInput,
};

/// A change that breaks one setting.
type Breaker = Box<dyn Fn(&mut SiteInput<'static>)>;

fn real() -> SiteInput<'static> {
    SiteInput {
        example: false,
        name: ["Kaarinan kaupunki", "S:t Karins stad", "City of Kaarina"],
        email: "yrityspalvelut@kaarina.fi",
        accessibility_feedback: "https://www.kaarina.fi/palaute",
        url: Some("https://www.kaarina.fi/"),
    }
}

#[test]
fn the_settings_compiled_in_pass_the_rules() {
    assert_eq!(validate(&SITE.input()), Ok(()));
    for l in Lang::ALL {
        assert!(!SITE.name(l).trim().is_empty(), "{l:?}: publisher name");
    }
    // The shipped template says it is one: its placeholder addresses reach no one.
    if SITE.example {
        assert!(is_example_domain(
            SITE.email.split('@').nth(1).unwrap_or_default()
        ));
    }
}

#[test]
fn real_settings_pass() {
    assert_eq!(validate(&real()), Ok(()));
    let mut s = real();
    s.accessibility_feedback = "saavutettavuus@kaarina.fi";
    s.url = None;
    assert_eq!(validate(&s), Ok(()));
}

#[test]
fn each_broken_setting_is_refused_and_named() {
    let cases: Vec<(&str, Breaker)> = vec![
        ("name.sv", Box::new(|s| s.name[1] = "  ")),
        ("name.en", Box::new(|s| s.name[2] = "Ilmasto\u{7}")),
        ("email", Box::new(|s| s.email = "yrityspalvelut.kaarina.fi")),
        ("email", Box::new(|s| s.email = "mailto:info@kaarina.fi")),
        ("email", Box::new(|s| s.email = "info@kaarina")),
        ("email", Box::new(|s| s.email = "Info <info@kaarina.fi>")),
        (
            "accessibility_feedback",
            Box::new(|s| s.accessibility_feedback = "http://www.kaarina.fi/palaute"),
        ),
        (
            "accessibility_feedback",
            Box::new(|s| s.accessibility_feedback = ""),
        ),
        ("url", Box::new(|s| s.url = Some("http://www.kaarina.fi/"))),
        ("url", Box::new(|s| s.url = Some("https://"))),
        (
            "url",
            Box::new(|s| s.url = Some("https://www.kaarina.fi/\"onclick=\"x")),
        ),
        (
            "url",
            Box::new(|s| s.url = Some("https://kaarina.fi:port/")),
        ),
        ("placeholder", Box::new(|s| s.email = "info@example.fi")),
        (
            "placeholder",
            Box::new(|s| s.url = Some("https://www.example.com/")),
        ),
        (
            "placeholder",
            Box::new(|s| s.accessibility_feedback = "a11y@palvelu.test"),
        ),
    ];
    for (setting, break_it) in cases {
        let mut s = real();
        break_it(&mut s);
        let err = validate(&s).expect_err(setting);
        assert!(err.contains(setting), "{setting}: {err}");
    }
    let long = "x".repeat(121);
    let mut s = real();
    s.name[0] = &long;
    assert!(validate(&s).expect_err("long name").contains("name.fi"));
}

#[test]
fn the_template_may_use_placeholder_domains_only_when_it_says_so() {
    let mut s = real();
    s.email = "ilmastoaskeleet@example.fi";
    assert!(validate(&s).is_err());
    s.example = true;
    assert_eq!(validate(&s), Ok(()));
}

#[test]
fn addresses_have_the_expected_shape() {
    for ok in [
        "a@b.fi",
        "etu.suku+ilmasto@kunta.fi",
        "x_y@sub.domain-name.org",
    ] {
        assert!(is_email(ok), "{ok}");
    }
    for bad in [
        "@kunta.fi",
        "a@",
        "a@b",
        "a b@kunta.fi",
        "a@@kunta.fi",
        "a@kunta.f1",
        "a..b@kunta.fi",
        ".a@kunta.fi",
        "a@-kunta.fi",
    ] {
        assert!(!is_email(bad), "{bad}");
    }
    for ok in [
        "https://kunta.fi",
        "https://www.kunta.fi/palaute?lomake=1#alku",
        "https://kunta.fi:8443/x",
    ] {
        assert!(is_https_url(ok), "{ok}");
    }
    for bad in [
        "http://kunta.fi",
        "https://kunta",
        "https:// kunta.fi",
        "https://kunta.fi/a b",
        "https://kunta.fi/<script>",
        "ftp://kunta.fi",
        "kunta.fi",
    ] {
        assert!(!is_https_url(bad), "{bad}");
    }
    assert_eq!(feedback_href("a11y@kunta.fi"), "mailto:a11y@kunta.fi");
    assert_eq!(
        feedback_href("https://kunta.fi/palaute"),
        "https://kunta.fi/palaute"
    );
}
