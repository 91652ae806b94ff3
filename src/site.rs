//! Who stands behind this copy of the app: the publisher's name, contact and accessibility
//! feedback channel, from the deploy-time settings file (`deploy/site.toml`, or the file named by
//! the environment variable `ILMASTOASKELEET_SITE` at build time). `build.rs` checks the file
//! with the rules of `site_rules` and compiles it in; see docs/deploy-settings.md.
use crate::i18n::Lang;
use crate::site_rules::SiteInput;

/// The deploy-time settings, compiled in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Site {
    /// The shipped template: the details are placeholders and the pages say so.
    pub example: bool,
    /// The publisher's name in fi, sv and en.
    pub name: [&'static str; 3],
    pub email: &'static str,
    /// An e-mail address or an https address of a feedback form.
    pub accessibility_feedback: &'static str,
    pub url: Option<&'static str>,
}

/// The settings this build was made with.
pub const SITE: Site = include!(concat!(env!("OUT_DIR"), "/site_gen.rs"));

impl Site {
    /// The publisher's name in `lang`.
    pub fn name(&self, lang: Lang) -> &'static str {
        match lang {
            Lang::Fi => self.name[0],
            Lang::Sv => self.name[1],
            Lang::En => self.name[2],
        }
    }

    /// The link of the accessibility feedback channel (`mailto:` for an e-mail address).
    pub fn feedback_href(&self) -> String {
        crate::site_rules::feedback_href(self.accessibility_feedback)
    }

    /// The settings in the form `site_rules::validate` checks.
    pub fn input(&self) -> SiteInput<'static> {
        SiteInput {
            example: self.example,
            name: self.name,
            email: self.email,
            accessibility_feedback: self.accessibility_feedback,
            url: self.url,
        }
    }
}
