//! Adversarial text shapes: inputs that make a finder look far ahead, join without end or
//! overflow a number. Shared by the property tests (must not panic) and the throughput bench
//! (must stay linear).

/// `piece` repeated to at least `bytes` bytes.
pub fn repeated(piece: &str, bytes: usize) -> String {
    piece.repeat(bytes.div_ceil(piece.len()))
}

/// Each shape, named, at about `bytes` bytes.
pub fn adversarial(bytes: usize) -> Vec<(&'static str, String)> {
    vec![
        ("letters without a space", repeated("abcdefghij", bytes)),
        ("capitalised names without a space", repeated("RussiaUkraineKyiv", bytes)),
        ("punctuation without a space", repeated(".,-–'’$%/", bytes)),
        ("digits and commas", repeated("1,000,", bytes)),
        ("digits and dots", repeated("123.", bytes)),
        ("one long number", repeated("9", bytes)),
        ("numbers with spaces", repeated("100 000 ", bytes)),
        ("tens of tens of …", repeated("tens of ", bytes) + "thousands of troops"),
        ("as many as as many as …", repeated("as many as ", bytes) + "100 troops"),
        ("between 1 and between 1 and …", repeated("between 1 and ", bytes) + "2"),
        ("near-miss dates", repeated("Jan. 32, 1998 Monday the 31st of Febuary 20222 last Sundays mid- ", bytes)),
        ("capitalised words", repeated("The United Nations Security Council Of New South Wales ", bytes)),
        ("countries and demonyms", repeated("Russian Ukrainian U.S. UK United States of America ", bytes)),
        ("combining and direction marks", repeated("e\u{301}\u{302}\u{200f}1\u{200e}٣\u{fe20}", bytes)),
    ]
}
