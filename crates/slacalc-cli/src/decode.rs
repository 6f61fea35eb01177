//! Text files as Chinese offices save them (issue #16): UTF-8 with or without a byte-order
//! mark, UTF-16 with one (Excel's "Unicode text"), or GB18030/GBK (Excel's and WPS's
//! "CSV (逗号分隔)" on Chinese Windows). Found from the bytes, never asked.

use encoding_rs::Encoding;
use slacalc::spreadsheet::sniff_encoding;

/// A file's text and the encoding it was read in.
pub struct Decoded {
    /// The text (without a byte-order mark).
    pub text: String,
    /// The encoding's name, as the import summary shows it (`UTF-8`, `UTF-16LE`, `GB18030`).
    pub encoding: &'static str,
}

/// Decodes `bytes` in the encoding the engine finds (`spreadsheet::sniff_encoding`: a
/// byte-order mark, else UTF-8 if valid, else GB18030), any byte that cannot be mapped shown
/// as U+FFFD.
pub fn decode(bytes: &[u8]) -> Decoded {
    let (found, bom) = sniff_encoding(bytes);
    let encoding = Encoding::for_label(found.label().as_bytes()).unwrap_or(encoding_rs::UTF_8);
    let (text, _) = encoding.decode_without_bom_handling(&bytes[bom..]);
    Decoded {
        text: text.into_owned(),
        encoding: found.name(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use encoding_rs::GB18030;

    #[test]
    fn each_encoding_is_found_from_the_bytes() {
        let text = "编号,报障时间\nA1,2025/3/3 8:10\n";
        let (gbk, _, _) = GB18030.encode(text);
        let d = decode(&gbk);
        assert_eq!((d.text.as_str(), d.encoding), (text, "GB18030"));
        let mut utf16 = vec![0xFF, 0xFE];
        utf16.extend(text.encode_utf16().flat_map(u16::to_le_bytes));
        let d = decode(&utf16);
        assert_eq!((d.text.as_str(), d.encoding), (text, "UTF-16LE"));
        let mut bom = vec![0xEF, 0xBB, 0xBF];
        bom.extend(text.as_bytes());
        let d = decode(&bom);
        assert_eq!((d.text.as_str(), d.encoding), (text, "UTF-8"));
        let d = decode(text.as_bytes());
        assert_eq!((d.text.as_str(), d.encoding), (text, "UTF-8"));
    }
}
