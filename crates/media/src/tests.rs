use super::*;
use image::codecs::jpeg::JpegEncoder;
use image::codecs::png::PngEncoder;
use image::{DynamicImage, ImageEncoder};
use image::{GenericImageView, Rgb, RgbImage, Rgba, RgbaImage};

/// A JPEG of `width` x `height`, red on its left half and blue on its right.
fn two_colour_jpeg(width: u32, height: u32) -> Vec<u8> {
    let image = RgbImage::from_fn(width, height, |x, _| {
        if x < width / 2 {
            Rgb([255, 0, 0])
        } else {
            Rgb([0, 0, 255])
        }
    });
    let mut out = Vec::new();
    JpegEncoder::new_with_quality(&mut out, 95)
        .encode_image(&image)
        .unwrap();
    out
}

/// An EXIF block as a phone writes it: an orientation and a GPS position.
fn exif(orientation: u16) -> Vec<u8> {
    let mut tiff = Vec::new();
    tiff.extend_from_slice(b"II*\0");
    tiff.extend_from_slice(&8u32.to_le_bytes());
    // IFD0: orientation, and where the GPS directory is.
    tiff.extend_from_slice(&2u16.to_le_bytes());
    tiff.extend_from_slice(&0x0112u16.to_le_bytes());
    tiff.extend_from_slice(&3u16.to_le_bytes());
    tiff.extend_from_slice(&1u32.to_le_bytes());
    tiff.extend_from_slice(&u32::from(orientation).to_le_bytes());
    tiff.extend_from_slice(&0x8825u16.to_le_bytes());
    tiff.extend_from_slice(&4u16.to_le_bytes());
    tiff.extend_from_slice(&1u32.to_le_bytes());
    tiff.extend_from_slice(&38u32.to_le_bytes());
    tiff.extend_from_slice(&0u32.to_le_bytes());
    // The GPS directory: a latitude reference and the text "HOME-GPS" as a datum.
    tiff.extend_from_slice(&2u16.to_le_bytes());
    tiff.extend_from_slice(&1u16.to_le_bytes());
    tiff.extend_from_slice(&2u16.to_le_bytes());
    tiff.extend_from_slice(&2u32.to_le_bytes());
    tiff.extend_from_slice(b"N\0\0\0");
    tiff.extend_from_slice(&0x0012u16.to_le_bytes());
    tiff.extend_from_slice(&2u16.to_le_bytes());
    tiff.extend_from_slice(&9u32.to_le_bytes());
    tiff.extend_from_slice(&(38 + 2 + 24 + 4u32).to_le_bytes());
    tiff.extend_from_slice(&0u32.to_le_bytes());
    tiff.extend_from_slice(b"HOME-GPS\0");
    let mut block = b"Exif\0\0".to_vec();
    block.extend_from_slice(&tiff);
    block
}

/// A JPEG segment: marker, length, payload.
fn segment(marker: u8, payload: &[u8]) -> Vec<u8> {
    let mut out = vec![0xFF, marker];
    out.extend_from_slice(&((payload.len() + 2) as u16).to_be_bytes());
    out.extend_from_slice(payload);
    out
}

/// `jpeg` with EXIF, XMP and a comment put in after its start marker.
fn with_metadata(jpeg: &[u8], orientation: u16) -> Vec<u8> {
    let mut out = jpeg[..2].to_vec();
    out.extend(segment(0xE1, &exif(orientation)));
    let mut xmp = b"http://ns.adobe.com/xap/1.0/\0".to_vec();
    xmp.extend_from_slice(b"<x:xmpmeta>HOME-XMP</x:xmpmeta>");
    out.extend(segment(0xE1, &xmp));
    out.extend(segment(0xFE, b"HOME-COMMENT"));
    out.extend_from_slice(&jpeg[2..]);
    out
}

fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    haystack.windows(needle.len()).any(|w| w == needle)
}

fn decoded(bytes: &[u8]) -> DynamicImage {
    image::load_from_memory(bytes).unwrap()
}

#[test]
fn a_jpeg_loses_its_position_xmp_and_comment_and_stands_upright() {
    let photo = with_metadata(&two_colour_jpeg(40, 20), 6);
    assert!(contains(&photo, b"HOME-GPS") && contains(&photo, b"HOME-XMP"));
    let cleaned = clean(&photo, AttachmentKind::Jpeg, &Options::SERVER).unwrap();
    assert_eq!(cleaned.kind, AttachmentKind::Jpeg);
    for secret in [
        &b"HOME-GPS"[..],
        b"HOME-XMP",
        b"HOME-COMMENT",
        b"Exif",
        b"xmpmeta",
    ] {
        assert!(!contains(&cleaned.bytes, secret), "{secret:?} survived");
    }
    // Orientation 6: the camera was turned a quarter clockwise; upright, the left
    // (red) half of the sensor is the top.
    let image = decoded(&cleaned.bytes).to_rgb8();
    assert_eq!(image.dimensions(), (20, 40));
    let top = image.get_pixel(10, 5);
    let bottom = image.get_pixel(10, 35);
    assert!(top[0] > 200 && top[2] < 60, "top is {top:?}");
    assert!(bottom[2] > 200 && bottom[0] < 60, "bottom is {bottom:?}");
}

#[test]
fn an_upright_jpeg_keeps_its_size_and_colours() {
    let photo = with_metadata(&two_colour_jpeg(64, 32), 1);
    let cleaned = clean(&photo, AttachmentKind::Jpeg, &Options::SERVER).unwrap();
    let image = decoded(&cleaned.bytes).to_rgb8();
    assert_eq!(image.dimensions(), (64, 32));
    assert!(image.get_pixel(4, 16)[0] > 200);
    assert!(image.get_pixel(60, 16)[2] > 200);
}

fn crc32(bytes: &[u8]) -> u32 {
    let mut crc = 0xFFFF_FFFFu32;
    for &byte in bytes {
        crc ^= u32::from(byte);
        for _ in 0..8 {
            crc = if crc & 1 == 1 {
                (crc >> 1) ^ 0xEDB8_8320
            } else {
                crc >> 1
            };
        }
    }
    !crc
}

fn chunk(kind: &[u8; 4], data: &[u8]) -> Vec<u8> {
    let mut out = (data.len() as u32).to_be_bytes().to_vec();
    let mut body = kind.to_vec();
    body.extend_from_slice(data);
    out.extend_from_slice(&body);
    out.extend_from_slice(&crc32(&body).to_be_bytes());
    out
}

#[test]
fn a_png_loses_its_text_and_exif_chunks_and_keeps_its_transparency() {
    let image = RgbaImage::from_pixel(8, 8, Rgba([0, 128, 0, 100]));
    let mut png = Vec::new();
    PngEncoder::new(&mut png)
        .write_image(image.as_raw(), 8, 8, image::ExtendedColorType::Rgba8)
        .unwrap();
    // After the signature and IHDR (8 + 25 bytes): a text chunk and an EXIF chunk.
    let mut photo = png[..33].to_vec();
    photo.extend(chunk(b"tEXt", b"Comment\0HOME-TEXT"));
    photo.extend(chunk(b"eXIf", &exif(1)[6..]));
    photo.extend_from_slice(&png[33..]);
    assert!(image::load_from_memory(&photo).is_ok());
    let cleaned = clean(&photo, AttachmentKind::Png, &Options::SERVER).unwrap();
    assert_eq!(cleaned.kind, AttachmentKind::Png);
    assert!(!contains(&cleaned.bytes, b"HOME-TEXT"));
    assert!(!contains(&cleaned.bytes, b"HOME-GPS"));
    assert!(!contains(&cleaned.bytes, b"eXIf"));
    let back = decoded(&cleaned.bytes).to_rgba8();
    assert_eq!(back.get_pixel(3, 3), &Rgba([0, 128, 0, 100]));
}

fn webp(image: &DynamicImage) -> Vec<u8> {
    let mut out = Vec::new();
    image
        .write_with_encoder(image::codecs::webp::WebPEncoder::new_lossless(&mut out))
        .unwrap();
    out
}

#[test]
fn a_webp_photo_becomes_a_jpeg_and_a_transparent_one_a_png() {
    let opaque = DynamicImage::ImageRgb8(RgbImage::from_pixel(16, 8, Rgb([200, 10, 10])));
    let cleaned = clean(&webp(&opaque), AttachmentKind::Webp, &Options::SERVER).unwrap();
    assert_eq!(cleaned.kind, AttachmentKind::Jpeg);
    assert_eq!(
        AttachmentKind::sniff(&cleaned.bytes),
        Some(AttachmentKind::Jpeg)
    );
    assert_eq!(decoded(&cleaned.bytes).dimensions(), (16, 8));

    let clear = DynamicImage::ImageRgba8(RgbaImage::from_pixel(16, 8, Rgba([1, 2, 3, 0])));
    let cleaned = clean(&webp(&clear), AttachmentKind::Webp, &Options::SERVER).unwrap();
    assert_eq!(cleaned.kind, AttachmentKind::Png);
    assert_eq!(
        AttachmentKind::sniff(&cleaned.bytes),
        Some(AttachmentKind::Png)
    );
}

#[test]
fn a_decompression_bomb_is_refused_before_its_pixels_are_made() {
    // A PNG whose header claims 100,000 x 100,000 pixels (40 GB decoded), and no data.
    let mut ihdr = 100_000u32.to_be_bytes().to_vec();
    ihdr.extend_from_slice(&100_000u32.to_be_bytes());
    ihdr.extend_from_slice(&[8, 6, 0, 0, 0]);
    let mut bomb = b"\x89PNG\r\n\x1a\n".to_vec();
    bomb.extend(chunk(b"IHDR", &ihdr));
    bomb.extend(chunk(
        b"IDAT",
        &[0x78, 0x9C, 0x03, 0x00, 0x00, 0x00, 0x00, 0x01],
    ));
    bomb.extend(chunk(b"IEND", &[]));
    assert_eq!(
        clean(&bomb, AttachmentKind::Png, &Options::SERVER),
        Err(MediaError::TooManyPixels {
            pixels: 10_000_000_000,
            max: 50_000_000
        })
    );
}

#[test]
fn something_else_behind_an_image_header_is_unreadable() {
    let html = b"\xFF\xD8\xFF\xE0<html><script>alert(1)</script></html>";
    assert_eq!(
        clean(html, AttachmentKind::Jpeg, &Options::SERVER),
        Err(MediaError::Unreadable)
    );
    let png = b"\x89PNG\r\n\x1a\n<html></html>";
    assert_eq!(
        clean(png, AttachmentKind::Png, &Options::SERVER),
        Err(MediaError::Unreadable)
    );
    let photo = two_colour_jpeg(32, 32);
    assert_eq!(
        clean(&photo[..40], AttachmentKind::Jpeg, &Options::SERVER),
        Err(MediaError::Unreadable)
    );
}

#[test]
fn the_phone_scales_the_long_side_down_to_2048_pixels() {
    let photo = two_colour_jpeg(3000, 1000);
    let cleaned = clean(&photo, AttachmentKind::Jpeg, &Options::PHONE).unwrap();
    assert_eq!(decoded(&cleaned.bytes).dimensions(), (2048, 683));
    let small = two_colour_jpeg(300, 100);
    let cleaned = clean(&small, AttachmentKind::Jpeg, &Options::PHONE).unwrap();
    assert_eq!(decoded(&cleaned.bytes).dimensions(), (300, 100));
}

#[test]
fn a_pdf_passes_unchanged() {
    let pdf = b"%PDF-1.7\n1 0 obj\n<<>>\nendobj\n%%EOF\n";
    let cleaned = clean(pdf, AttachmentKind::Pdf, &Options::SERVER).unwrap();
    assert_eq!(cleaned.bytes, pdf);
}

mod heif {
    use super::*;

    fn bmff(kind: &[u8; 4], body: &[u8]) -> Vec<u8> {
        let mut out = ((body.len() + 8) as u32).to_be_bytes().to_vec();
        out.extend_from_slice(kind);
        out.extend_from_slice(body);
        out
    }

    fn full(kind: &[u8; 4], version: u8, body: &[u8]) -> Vec<u8> {
        let mut with_header = vec![version, 0, 0, 0];
        with_header.extend_from_slice(body);
        bmff(kind, &with_header)
    }

    fn infe(id: u16, item_type: &[u8; 4], content_type: Option<&str>) -> Vec<u8> {
        let mut body = id.to_be_bytes().to_vec();
        body.extend_from_slice(&0u16.to_be_bytes());
        body.extend_from_slice(item_type);
        body.push(0); // item name
        if let Some(content_type) = content_type {
            body.extend_from_slice(content_type.as_bytes());
            body.push(0);
        }
        full(b"infe", 2, &body)
    }

    const PICTURE: &[u8] = b"HEVC-PICTURE-BYTES";
    const EXIF: &[u8] = b"\0\0\0\x06Exif\0\0HOME-GPS";
    const XMP: &[u8] = b"<x:xmpmeta>HOME-XMP</x:xmpmeta>";

    /// A HEIF file in the shape iPhones write: ftyp, meta (items and their locations),
    /// mdat (the picture, EXIF and XMP). `shift` moves the EXIF extent, to make a file
    /// whose locations point outside it.
    fn file(shift: u32) -> Vec<u8> {
        file_of(shift, 24, 16)
    }

    /// The same, its image declaring `width` x `height` pixels.
    fn file_of(shift: u32, width: u32, height: u32) -> Vec<u8> {
        let ftyp = bmff(b"ftyp", b"heic\0\0\0\0mif1heic");
        let mut iinf_body = 3u16.to_be_bytes().to_vec();
        iinf_body.extend(infe(1, b"hvc1", None));
        iinf_body.extend(infe(2, b"Exif", None));
        iinf_body.extend(infe(3, b"mime", Some("application/rdf+xml")));
        let iinf = full(b"iinf", 0, &iinf_body);
        // iloc version 0: 4-byte offsets and lengths, no base offset.
        let iloc_len = 4 + 2 + 2 + 3 * (2 + 2 + 2 + 8) + 8;
        let hdlr = full(b"hdlr", 0, b"\0\0\0\0pict\0\0\0\0\0\0\0\0\0\0\0\0\0");
        let pitm = full(b"pitm", 0, &1u16.to_be_bytes());
        let mut extent = width.to_be_bytes().to_vec();
        extent.extend_from_slice(&height.to_be_bytes());
        let iprp = bmff(b"iprp", &bmff(b"ipco", &full(b"ispe", 0, &extent)));
        let meta_len = 8 + 4 + hdlr.len() + pitm.len() + iinf.len() + iprp.len() + iloc_len;
        let mdat_data = ftyp.len() + meta_len + 8;
        let mut iloc_body = vec![0x44, 0x00];
        iloc_body.extend_from_slice(&3u16.to_be_bytes());
        let mut at = mdat_data as u32;
        for (id, bytes) in [(1u16, PICTURE), (2, EXIF), (3, XMP)] {
            iloc_body.extend_from_slice(&id.to_be_bytes());
            iloc_body.extend_from_slice(&0u16.to_be_bytes());
            iloc_body.extend_from_slice(&1u16.to_be_bytes());
            let offset = if id == 2 { at + shift } else { at };
            iloc_body.extend_from_slice(&offset.to_be_bytes());
            iloc_body.extend_from_slice(&(bytes.len() as u32).to_be_bytes());
            at += bytes.len() as u32;
        }
        let iloc = full(b"iloc", 0, &iloc_body);
        assert_eq!(iloc.len(), iloc_len);
        let mut meta_body = hdlr;
        meta_body.extend(pitm);
        meta_body.extend(iinf);
        meta_body.extend(iprp);
        meta_body.extend(iloc);
        let meta = full(b"meta", 0, &meta_body);
        assert_eq!(meta.len(), meta_len);
        let mdat = bmff(b"mdat", &[PICTURE, EXIF, XMP].concat());
        [ftyp, meta, mdat].concat()
    }

    #[test]
    fn exif_and_xmp_items_are_cleared_and_the_picture_is_untouched() {
        let photo = file(0);
        assert_eq!(AttachmentKind::sniff(&photo), Some(AttachmentKind::Heic));
        let cleaned = clean(&photo, AttachmentKind::Heic, &Options::SERVER).unwrap();
        assert_eq!(cleaned.kind, AttachmentKind::Heic);
        assert_eq!(cleaned.bytes.len(), photo.len());
        assert!(contains(&cleaned.bytes, PICTURE));
        assert!(!contains(&cleaned.bytes, b"HOME-GPS"));
        assert!(!contains(&cleaned.bytes, b"HOME-XMP"));
        // Only the metadata's bytes changed.
        let changed = photo
            .iter()
            .zip(&cleaned.bytes)
            .filter(|(a, b)| a != b)
            .count();
        assert!(changed <= EXIF.len() + XMP.len());
    }

    #[test]
    fn a_heif_declaring_more_pixels_than_the_limit_is_refused_undecoded() {
        assert_eq!(
            clean(
                &file_of(0, 10_000, 10_000),
                AttachmentKind::Heic,
                &Options::SERVER
            ),
            Err(MediaError::TooManyPixels {
                pixels: 100_000_000,
                max: 50_000_000
            })
        );
        assert!(
            clean(
                &file_of(0, 8064, 6048),
                AttachmentKind::Heic,
                &Options::SERVER
            )
            .is_ok()
        );
    }

    #[test]
    fn a_heif_whose_boxes_do_not_add_up_is_unreadable() {
        // An EXIF location past the end of the file.
        let broken = file(10_000);
        assert_eq!(
            clean(&broken, AttachmentKind::Heic, &Options::SERVER),
            Err(MediaError::Unreadable)
        );
        // Cut short: the last box claims more than there is.
        let photo = file(0);
        assert_eq!(
            clean(
                &photo[..photo.len() - 5],
                AttachmentKind::Heic,
                &Options::SERVER
            ),
            Err(MediaError::Unreadable)
        );
        // A brand and nothing else.
        assert_eq!(
            clean(
                b"\0\0\0\x0cftypheic",
                AttachmentKind::Heic,
                &Options::SERVER
            ),
            Err(MediaError::Unreadable)
        );
    }
}

#[test]
fn a_header_tells_the_size_that_decoding_finds() {
    let fixtures = concat!(env!("CARGO_MANIFEST_DIR"), "/../../fixtures/");
    let read = |name: &str| std::fs::read(format!("{fixtures}{name}")).unwrap();
    let made_webp = webp(&DynamicImage::ImageRgb8(RgbImage::new(301, 77)));
    let cases = [
        (read("photo.jpg"), AttachmentKind::Jpeg),
        (read("photo-gps.jpg"), AttachmentKind::Jpeg),
        (
            with_metadata(&two_colour_jpeg(640, 480), 6),
            AttachmentKind::Jpeg,
        ),
        (read("photo.png"), AttachmentKind::Png),
        (read("photo.webp"), AttachmentKind::Webp),
        (made_webp, AttachmentKind::Webp),
    ];
    for (bytes, kind) in cases {
        let image = decoded(&bytes);
        assert_eq!(
            header::dimensions(&bytes, kind),
            Some((image.width(), image.height())),
            "{kind:?}"
        );
    }
    // A bomb declares its size honestly: that is what gets it refused undecoded.
    let (w, h) = header::dimensions(&read("bomb.png"), AttachmentKind::Png).unwrap();
    assert!(u64::from(w) * u64::from(h) > Options::PHONE.max_pixels);
    assert_eq!(
        header::dimensions(b"\xFF\xD8\xFF\xE0", AttachmentKind::Jpeg),
        None
    );
    assert_eq!(
        header::dimensions(b"RIFF....WEBPVP8 ", AttachmentKind::Webp),
        None
    );
}
