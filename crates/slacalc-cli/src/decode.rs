//! Text files as Chinese offices save them (issue #16): UTF-8 with or without a byte-order
//! mark, UTF-16 with one (Excel's "Unicode text"), or GB18030/GBK (Excel's and WPS's
//! "CSV (逗号分隔)" on Chinese Windows). Found from the bytes, never asked.

use encoding_rs::{Encoding, GB18030, UTF_16BE, UTF_16LE, UTF_8};

/// A file's text and the encoding it was read in.
pub struct Decoded {
    /// The text (without a byte-order mark).
    pub text: String,
    /// The encoding's name, as the import summary shows it (`UTF-8`, `UTF-16LE`, `gb18030`).
    pub encoding: &'static str,
}

/// Decodes `bytes`: a byte-order mark decides; else UTF-8 if the bytes are valid UTF-8; else
/// GB18030 (a superset of GBK), with any byte it cannot map shown as U+FFFD.
pub fn decode(bytes: &[u8]) -> Decoded {
    let (encoding, rest): (&'static Encoding, &[u8]) = match Encoding::for_bom(bytes) {
        Some((enc, bom)) => (enc, &bytes[bom..]),
        None if std::str::from_utf8(bytes).is_ok() => (UTF_8, bytes),
        None => (GB18030, bytes),
    };
    let (text, _) = encoding.decode_without_bom_handling(rest);
    let name = if encoding == UTF_16LE {
        "UTF-16LE"
    } else if encoding == UTF_16BE {
        "UTF-16BE"
    } else if encoding == UTF_8 {
        "UTF-8"
    } else {
        "GB18030"
    };
    Decoded {
        text: text.into_owned(),
        encoding: name,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
