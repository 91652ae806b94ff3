//! The rules of an answer (choosing among options, checking it against its question) and the
//! wire codes of the model's enums, written once.
use super::{Answer, PathKind, PlanStatus, Ypn};
use crate::content::{Content, Kind, Question};

impl Ypn {
    /// The wire code (as serde writes it), also used as the value of the radio input.
    pub fn code(self) -> &'static str {
        match self {
            Ypn::Yes => "yes",
            Ypn::Partly => "partly",
            Ypn::No => "no",
            Ypn::DontKnow => "dontknow",
        }
    }

    pub fn from_code(code: &str) -> Option<Ypn> {
        Ypn::ALL.into_iter().find(|y| y.code() == code)
    }
}

/// The multiple-choice answer after option `id` of `q` is turned on or off. An exclusive option
/// ("none of these") clears the others when chosen, and choosing any other option clears the
/// exclusive ones. `None` when no option is left.
pub fn toggle_option(q: &Question, current: Option<&Answer>, id: &str, on: bool) -> Option<Answer> {
    let mut chosen = match current {
        Some(Answer::Multi(ids)) => ids.clone(),
        _ => Vec::new(),
    };
    if on {
        if q.option(id).is_some_and(|o| o.exclusive) {
            chosen.clear();
        } else {
            chosen.retain(|x| !q.option(x).is_some_and(|o| o.exclusive));
        }
        if !chosen.iter().any(|x| x == id) {
            chosen.push(id.to_string());
        }
    } else {
        chosen.retain(|x| x != id);
    }
    (!chosen.is_empty()).then_some(Answer::Multi(chosen))
}

/// What is wrong with an answer to a question (see `check_answer`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AnswerProblem {
    /// The answer is of another kind than the question.
    WrongType,
    /// An option, or a municipality, that the question does not have.
    UnknownValue,
    /// A number outside the question's bounds, or a fraction where a whole number is asked.
    OutOfRange,
    /// A text longer than this many characters.
    TooLong(usize),
}

/// Checks one answer against its question: the right kind, allow-listed options, numbers within
/// bounds, text within the length limit. `None` when the answer is valid.
pub fn check_answer(content: &Content, q: &Question, answer: &Answer) -> Option<AnswerProblem> {
    match (q.kind, answer) {
        (Kind::Single, Answer::Choice(id)) => {
            (q.option(id).is_none()).then_some(AnswerProblem::UnknownValue)
        }
        (Kind::Multi, Answer::Multi(ids)) => {
            let mut seen = std::collections::BTreeSet::new();
            (ids.len() > q.options.len()
                || ids
                    .iter()
                    .any(|id| q.option(id).is_none() || !seen.insert(id)))
            .then_some(AnswerProblem::UnknownValue)
        }
        (Kind::Ypn, Answer::Ypn(_)) => None,
        (Kind::Number, Answer::Number(n)) => {
            let ok = n.is_finite()
                && q.min.is_none_or(|m| *n >= m)
                && q.max.is_none_or(|m| *n <= m)
                && (!q.integer || n.fract() == 0.0);
            (!ok).then_some(AnswerProblem::OutOfRange)
        }
        (Kind::Text, Answer::Text(t)) => {
            (t.chars().count() > q.max_len()).then(|| AnswerProblem::TooLong(q.max_len()))
        }
        (Kind::Municipality, Answer::Municipality(code)) => content
            .municipality(code)
            .is_none()
            .then_some(AnswerProblem::UnknownValue),
        _ => Some(AnswerProblem::WrongType),
    }
}

impl PlanStatus {
    /// The wire code (as serde writes it), also the value of the status `<select>`.
    pub fn code(self) -> &'static str {
        match self {
            PlanStatus::Idea => "idea",
            PlanStatus::Planned => "planned",
            PlanStatus::InProgress => "in-progress",
            PlanStatus::Done => "done",
        }
    }

    pub fn from_code(code: &str) -> Option<PlanStatus> {
        PlanStatus::ALL.into_iter().find(|s| s.code() == code)
    }
}

impl PathKind {
    pub const ALL: [PathKind; 2] = [PathKind::Quick, PathKind::Full];

    /// The wire code (as serde writes it).
    pub fn code(self) -> &'static str {
        match self {
            PathKind::Quick => "quick",
            PathKind::Full => "full",
        }
    }
}
