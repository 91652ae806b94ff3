//! Performance marks for the benchmark: from answering a question to the answer saved.

/// Marks the start of an answer (a question was changed).
pub fn mark_answer() {
    if let Some(p) = web_sys::window().and_then(|w| w.performance()) {
        let _ = p.mark("answer-start");
    }
}

/// Measures from the last answer mark to now (the answer is saved).
pub fn measure_answer() {
    if let Some(p) = web_sys::window().and_then(|w| w.performance()) {
        if p.get_entries_by_name("answer-start").length() == 0 {
            return;
        }
        let _ = p.measure_with_start_mark("answer", "answer-start");
        p.clear_marks_with_mark_name("answer-start");
    }
}
