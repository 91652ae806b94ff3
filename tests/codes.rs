//! Codes the views put on the wire (filter values, option values) are written out, not built
//! with `{:?}`: the Debug formatting stays out of the wasm, and a renamed variant cannot change
//! a code by accident.

#[test]
fn support_kind_codes_are_distinct_lower_case_words() {
    use ilmastoaskeleet::content::SupportKind;
    let codes: Vec<&str> = SupportKind::ALL.iter().map(|k| k.code()).collect();
    for (i, c) in codes.iter().enumerate() {
        assert!(
            !c.is_empty() && c.bytes().all(|b| b.is_ascii_lowercase()),
            "{c}"
        );
        assert!(!codes[..i].contains(c), "{c} twice");
    }
    // The codes the supports filter has always used (shared links and saved filters keep working).
    assert_eq!(SupportKind::Funding.code(), "funding");
    assert_eq!(SupportKind::Municipal.code(), "municipal");
}
