//! The browser's clock: today's date, the current time and year.
/// Today as "YYYY-MM-DD" and now as an ISO timestamp, from the browser's clock.
pub fn today() -> String {
    now_iso().chars().take(10).collect()
}

pub fn now_iso() -> String {
    String::from(js_sys::Date::new_0().to_iso_string())
}

pub fn current_year() -> u16 {
    js_sys::Date::new_0().get_full_year() as u16
}
