//! The share-link decoder on any fragment: a case or a `LinkError`, never a panic. The first
//! byte picks the input: the text as typed in an address bar, or the rest packed the way a
//! link packs its JSON (raw DEFLATE, base64url, format `1`), so the fuzzer reaches the
//! payload reader and not only the base64 and DEFLATE checks. An opened case is assessed.
#![no_main]

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Some((&mode, rest)) = data.split_first() else {
        return;
    };
    let fragment = if mode % 2 == 0 {
        String::from_utf8_lossy(rest).into_owned()
    } else {
        let packed = miniz_oxide::deflate::compress_to_vec(rest, 1);
        format!("#c=1{}", URL_SAFE_NO_PAD.encode(packed))
    };
    if let Ok(opened) = slacalc::link::decode(&fragment) {
        if let Ok(a) = slacalc::assess(&opened.case, opened.as_of) {
            // A reopened case makes a link that opens to the same case.
            let again = slacalc::link::decode(&slacalc::link::encode(&opened.case, &a))
                .expect("a fresh link opens");
            assert_eq!(again.case, opened.case);
        }
    }
});
