//! `slacalc compare`: the terms named by `--terms` (2 to 4), each an offer of the engine's
//! comparison (`slacalc::compare`), named after its file's stem or its preset.

use slacalc::compare::{self, CompareError, Offer};
use slacalc::terms::{Terms, TermsSpec, PRESET_EYOU_SDJU};
use std::path::Path;

/// What names the built-in letter besides its preset id.
pub const LETTER: &str = "letter";

/// The offers of the `--terms` arguments, in order: `FILE.json` (a terms object as
/// `slacalc terms` prints it; the column is the file's stem), `letter`, a preset id, or
/// `preset:ID`. A name given twice gets ` (2)`, ` (3)` after it. The message of an error
/// names the flag.
pub fn offers(args: &[String]) -> Result<Vec<Offer>, String> {
    compare::check_count(args.len()).map_err(|e| match e {
        CompareError::TermsCount { given } => {
            format!("--terms: {given} given; compare takes 2 to 4 (repeat --terms FILE)")
        }
        other => format!("--terms: {other}"),
    })?;
    let mut out: Vec<Offer> = Vec::with_capacity(args.len());
    for arg in args {
        let (name, terms) = offer_terms(arg)?;
        let mut unique = name.clone();
        let mut n = 1;
        while out.iter().any(|o| o.name == unique) {
            n += 1;
            unique = format!("{name} ({n})");
        }
        out.push(Offer {
            name: unique,
            terms,
            interpretation: None,
        });
    }
    Ok(out)
}

/// One `--terms` argument: its column name and its terms.
fn offer_terms(arg: &str) -> Result<(String, TermsSpec), String> {
    let preset = |id: &str| {
        Terms::preset(id)
            .map(|_| (id.to_string(), TermsSpec::Preset(id.to_string())))
            .ok_or_else(|| {
                format!("--terms {arg}: unknown terms \"{id}\" (built-in: \"{PRESET_EYOU_SDJU}\", also called \"{LETTER}\")")
            })
    };
    if let Some(id) = arg.strip_prefix("preset:") {
        return preset(id);
    }
    if arg == LETTER {
        return Ok((
            LETTER.to_string(),
            TermsSpec::Preset(PRESET_EYOU_SDJU.into()),
        ));
    }
    let path = Path::new(arg);
    if arg.ends_with(".json") || path.is_file() {
        let text = std::fs::read_to_string(path)
            .map_err(|e| format!("--terms {arg}: cannot read: {e}"))?;
        let terms: Terms =
            serde_json::from_str(&text).map_err(|e| format!("--terms {arg}: {e}"))?;
        let stem = path
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .filter(|s| !s.is_empty())
            .unwrap_or_else(|| terms.id.clone());
        return Ok((stem, TermsSpec::Inline(Box::new(terms))));
    }
    preset(arg).map_err(|_| {
        format!("--terms {arg}: not a terms file, \"{LETTER}\" or a preset id (built-in: \"{PRESET_EYOU_SDJU}\")")
    })
}
