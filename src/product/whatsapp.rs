//! WhatsApp numbers and order links.
//!
//! In: a number as a volunteer writes it (`0812-3456-7890`, `+62 812 3456 7890`,
//! `62812…`, `(0812) 3456-7890`). Out: the international digits WhatsApp wants
//! (`6281234567890`), or the reason the text is not an Indonesian mobile number. Then the
//! order message and the `https://wa.me/…?text=…` link that opens a chat with it filled in.

use percent_encoding::{AsciiSet, NON_ALPHANUMERIC, utf8_percent_encode};

/// Everything but the unreserved characters of RFC 3986 is encoded, so `+`, `&`, `#`, `?`
/// and spaces (as `%20`, never `+`) survive the trip through the link.
const MESSAGE: &AsciiSet = &NON_ALPHANUMERIC
    .remove(b'-')
    .remove(b'.')
    .remove(b'_')
    .remove(b'~');

/// The suggestion shown with every refused number.
pub const HINT: &str = "tulis nomor HP yang dipakai untuk WhatsApp, misalnya `0812-3456-7890` atau `+62 812-3456-7890`";

/// Digits after `62` in an Indonesian mobile number (`8` + 8 to 11 more).
const NATIONAL_DIGITS: std::ops::RangeInclusive<usize> = 9..=12;

/// `6281234567890` from any common way of writing an Indonesian mobile number. The error
/// says what is wrong in plain words (it completes "nomor WhatsApp `…` tidak sah: ").
pub fn normalize(raw: &str) -> Result<String, String> {
    let text = raw.trim();
    if text.is_empty() {
        return Err("nomornya kosong".to_owned());
    }
    if let Some(c) = text
        .chars()
        .enumerate()
        .find(|&(i, c)| !(c.is_ascii_digit() || " -.()".contains(c) || (c == '+' && i == 0)))
        .map(|(_, c)| c)
    {
        return Err(format!("mengandung `{c}`"));
    }
    let digits: String = text.chars().filter(char::is_ascii_digit).collect();
    let national = if text.starts_with('+') {
        digits
            .strip_prefix("62")
            .ok_or("bukan nomor Indonesia (setelah `+` harus 62)")?
    } else if let Some(rest) = digits.strip_prefix("62") {
        rest
    } else if let Some(rest) = digits.strip_prefix('0') {
        rest
    } else {
        return Err("harus diawali 08, 628 atau +628".to_owned());
    };
    if national.starts_with('0') {
        return Err("setelah 62 tidak boleh ada angka 0".to_owned());
    }
    if !national.starts_with('8') {
        return Err("bukan nomor HP (nomor HP Indonesia diawali 08)".to_owned());
    }
    // Counted the way residents write the number: with the leading 0.
    let n = national.len() + 1;
    let (min, max) = (NATIONAL_DIGITS.start() + 1, NATIONAL_DIGITS.end() + 1);
    if national.len() < *NATIONAL_DIGITS.start() {
        return Err(format!(
            "terlalu pendek ({n} angka; nomor HP {min} sampai {max} angka)"
        ));
    }
    if national.len() > *NATIONAL_DIGITS.end() {
        return Err(format!(
            "terlalu panjang ({n} angka; nomor HP {min} sampai {max} angka)"
        ));
    }
    Ok(format!("62{national}"))
}

/// `0812-3456-7890`: a normalised number the way residents write it.
pub fn display(number: &str) -> String {
    let local = format!("0{}", number.strip_prefix("62").unwrap_or(number));
    let chunks: Vec<String> = local
        .as_bytes()
        .chunks(4)
        .map(|c| String::from_utf8_lossy(c).into_owned())
        .collect();
    chunks.join("-")
}

/// A link that opens a chat with `number` (normalised) with `text` typed in; with no
/// number, WhatsApp asks whom to send it to.
pub fn order_link(number: &str, text: &str) -> String {
    format!(
        "https://wa.me/{number}?text={}",
        utf8_percent_encode(text, MESSAGE)
    )
}

/// A link that only opens a chat with `number`.
pub fn chat_link(number: &str) -> String {
    format!("https://wa.me/{number}")
}

/// What a buyer's message says about a product.
pub struct Order<'a> {
    pub nama: &'a str,
    /// `Rp 15.000`.
    pub harga: &'a str,
    pub satuan: Option<&'a str>,
    /// `Desa Sukamaju`.
    pub desa: &'a str,
    /// The product page's absolute address, only when the site has base_url.
    pub url: Option<&'a str>,
    pub tersedia: bool,
}

/// "Halo, saya ingin memesan Keripik (Rp 15.000 per bungkus) dari Desa Sukamaju." and the
/// page's address. A product that is sold out gets a question instead of an order.
pub fn message(o: &Order) -> String {
    let price = match o.satuan {
        Some(s) => format!("{} per {s}", o.harga),
        None => o.harga.to_owned(),
    };
    let mut text = if o.tersedia {
        format!(
            "Halo, saya ingin memesan {} ({price}) dari {}.",
            o.nama, o.desa
        )
    } else {
        format!(
            "Halo, kapan {} ({price}) dari {} tersedia lagi?",
            o.nama, o.desa
        )
    };
    if let Some(url) = o.url {
        text.push(' ');
        text.push_str(url);
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;
    use percent_encoding::percent_decode_str;

    #[test]
    fn accepts_every_common_way_of_writing_a_mobile_number() {
        for raw in [
            "0812-3456-7890",
            "081234567890",
            "0812 3456 7890",
            "0812.3456.7890",
            "+62 812 3456 7890",
            "+62-812-3456-7890",
            "+6281234567890",
            "6281234567890",
            "62 812-3456-7890",
            "(0812) 3456-7890",
            "  0812-3456-7890  ",
        ] {
            assert_eq!(normalize(raw).as_deref(), Ok("6281234567890"), "{raw}");
        }
        // The shortest (9 digits after 62) and longest (12) mobile numbers.
        assert_eq!(normalize("0812-345-678").as_deref(), Ok("62812345678"));
        assert_eq!(
            normalize("0812-3456-78901").as_deref(),
            Ok("62812345678901")
        );
    }

    #[test]
    fn refuses_what_is_not_an_indonesian_mobile_number_and_says_why() {
        let cases = [
            ("", "nomornya kosong"),
            ("0812-3456-789O", "mengandung `O`"),
            ("wa.me/6281234567890", "mengandung `w`"),
            ("0812+3456", "mengandung `+`"),
            (
                "+1 415 555 0100",
                "bukan nomor Indonesia (setelah `+` harus 62)",
            ),
            ("812-3456-7890", "harus diawali 08, 628 atau +628"),
            ("+62 0812-3456-7890", "setelah 62 tidak boleh ada angka 0"),
            (
                "0274-512345",
                "bukan nomor HP (nomor HP Indonesia diawali 08)",
            ),
            (
                "021 5551234",
                "bukan nomor HP (nomor HP Indonesia diawali 08)",
            ),
            // 0812-3456 is 8 digits; 0812-3456-7890-12 is 14.
            (
                "0812-3456",
                "terlalu pendek (8 angka; nomor HP 10 sampai 13 angka)",
            ),
            (
                "0812-3456-7890-12",
                "terlalu panjang (14 angka; nomor HP 10 sampai 13 angka)",
            ),
        ];
        for (raw, reason) in cases {
            assert_eq!(normalize(raw), Err(reason.to_owned()), "{raw}");
        }
    }

    #[test]
    fn shows_numbers_the_local_way() {
        assert_eq!(display("6281234567890"), "0812-3456-7890");
        assert_eq!(display("62812345678"), "0812-3456-78");
    }

    fn decoded_text(link: &str) -> String {
        let query = link.split_once("?text=").unwrap().1;
        percent_decode_str(query)
            .decode_utf8()
            .unwrap()
            .into_owned()
    }

    #[test]
    fn order_message_names_product_and_price_and_survives_encoding() {
        let order = Order {
            nama: "Kopi + Gula Aren & Jahe #1?",
            harga: "Rp 25.000",
            satuan: Some("paket 100% (2 bungkus)"),
            desa: "Desa Sukamaju",
            url: Some("https://sukamaju.desa.id/produk/kopi/"),
            tersedia: true,
        };
        let text = message(&order);
        assert_eq!(
            text,
            "Halo, saya ingin memesan Kopi + Gula Aren & Jahe #1? (Rp 25.000 per paket 100% (2 bungkus)) dari Desa Sukamaju. https://sukamaju.desa.id/produk/kopi/"
        );
        let link = order_link("6281234567890", &text);
        assert!(link.starts_with("https://wa.me/6281234567890?text=Halo%2C%20saya%20"));
        // Nothing that would end the text parameter or the URL is left unencoded.
        let query = link.split_once("?text=").unwrap().1;
        for c in [' ', '+', '&', '#', '?', '(', ')', '/', ':'] {
            assert!(!query.contains(c), "`{c}` left raw in {query}");
        }
        // Every `%` left starts an escape: the written `100%` became `100%25`.
        assert!(query.contains("100%25"), "{query}");
        assert!(query.contains("%2B") && query.contains("%26") && query.contains("%20"));
        assert_eq!(decoded_text(&link), text);
    }

    #[test]
    fn without_base_url_or_satuan_the_message_is_shorter() {
        let text = message(&Order {
            nama: "Tampah",
            harga: "Rp 35.000",
            satuan: None,
            desa: "Desa Sukamaju",
            url: None,
            tersedia: true,
        });
        assert_eq!(
            text,
            "Halo, saya ingin memesan Tampah (Rp 35.000) dari Desa Sukamaju."
        );
        let sold_out = message(&Order {
            nama: "Madu",
            harga: "Rp 90.000",
            satuan: Some("botol"),
            desa: "Desa Sukamaju",
            url: None,
            tersedia: false,
        });
        assert_eq!(
            sold_out,
            "Halo, kapan Madu (Rp 90.000 per botol) dari Desa Sukamaju tersedia lagi?"
        );
    }
}
