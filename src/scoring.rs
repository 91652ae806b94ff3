//! Maturity scoring on the three-level scale of the Vantaa–Kerava–Järvenpää company survey (2021):
//! climate not yet considered / on the way / forerunner. A pure function from answers to scores.
use crate::content::{Content, Kind, Step, UNKNOWN_OPTION};
use crate::model::{profile, visible, Answer, PathKind, Ypn};
use std::collections::BTreeMap;

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Maturity {
    /// Climate not yet considered.
    NotYet = 1,
    /// On the way.
    OnTheWay = 2,
    /// Forerunner.
    Forerunner = 3,
}

impl Maturity {
    /// The level for a share (0–1) of the achievable points: below a third is "not yet",
    /// below two thirds "on the way", the rest "forerunner".
    pub fn from_share(share: f64) -> Maturity {
        if share < 1.0 / 3.0 {
            Maturity::NotYet
        } else if share < 2.0 / 3.0 {
            Maturity::OnTheWay
        } else {
            Maturity::Forerunner
        }
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct StepScore {
    pub step: String,
    /// Visible questions on this path.
    pub visible: usize,
    /// Visible questions answered (including "don't know").
    pub answered: usize,
    /// Answers "don't know": flagged, not scored.
    pub dont_know: usize,
    pub points: u32,
    /// The most points the scored answers could have earned.
    pub max: u32,
    /// `None` when no scored question of the step has been answered.
    pub level: Option<Maturity>,
}

impl StepScore {
    pub fn share(&self) -> Option<f64> {
        (self.max > 0).then(|| f64::from(self.points) / f64::from(self.max))
    }
}

/// The points one answer earns, or `None` when it is not scored ("don't know", free text, numbers).
pub fn answer_points(content: &Content, question_id: &str, answer: &Answer) -> Option<(u32, u32)> {
    let q = content.question(question_id)?;
    let max = q.max_points();
    if max == 0 {
        return None;
    }
    match (q.kind, answer) {
        (Kind::Single, Answer::Choice(id)) => {
            if id == UNKNOWN_OPTION {
                return None;
            }
            q.option(id).map(|o| (o.points.min(max), max))
        }
        (Kind::Multi, Answer::Multi(ids)) => {
            let sum: u32 = ids
                .iter()
                .filter_map(|id| q.option(id))
                .map(|o| o.points)
                .sum();
            Some((sum.min(max), max))
        }
        (Kind::Ypn, Answer::Ypn(v)) => match v {
            Ypn::Yes => Some((2, 2)),
            Ypn::Partly => Some((1, 2)),
            Ypn::No => Some((0, 2)),
            Ypn::DontKnow => None,
        },
        _ => None,
    }
}

fn is_dont_know(answer: &Answer) -> bool {
    matches!(answer, Answer::Ypn(Ypn::DontKnow))
        || matches!(answer, Answer::Choice(id) if id == UNKNOWN_OPTION)
}

pub fn score_step(
    content: &Content,
    step: &Step,
    answers: &BTreeMap<String, Answer>,
    path: PathKind,
) -> StepScore {
    let prof = profile(content, answers);
    let mut s = StepScore {
        step: step.id.to_string(),
        visible: 0,
        answered: 0,
        dont_know: 0,
        points: 0,
        max: 0,
        level: None,
    };
    for q in step.questions.iter().filter(|q| visible(q, &prof, path)) {
        s.visible += 1;
        let Some(a) = answers.get(q.id) else {
            continue;
        };
        s.answered += 1;
        if is_dont_know(a) {
            s.dont_know += 1;
        }
        if let Some((p, m)) = answer_points(content, q.id, a) {
            s.points += p;
            s.max += m;
        }
    }
    s.level = s.share().map(Maturity::from_share);
    s
}

/// Scores of the nine workbook steps, in order.
pub fn score_all(
    content: &Content,
    answers: &BTreeMap<String, Answer>,
    path: PathKind,
) -> Vec<StepScore> {
    content
        .workbook_steps()
        .map(|s| score_step(content, s, answers, path))
        .collect()
}

/// The overall level over all scored answers, or `None` when nothing scored is answered.
pub fn overall(scores: &[StepScore]) -> Option<Maturity> {
    let (p, m) = scores
        .iter()
        .fold((0u32, 0u32), |(p, m), s| (p + s.points, m + s.max));
    (m > 0).then(|| Maturity::from_share(f64::from(p) / f64::from(m)))
}
