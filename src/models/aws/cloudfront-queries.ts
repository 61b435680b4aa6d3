/**
 * CloudFront viewer security policies that accept TLS 1.2 or later only with current ciphers: the
 * ones Security Hub CloudFront.15 accepts.
 */
export const MODERN_CLOUDFRONT_POLICIES: readonly string[] = ['TLSv1.2_2021', 'TLSv1.2_2025', 'TLSv1.3_2025'];

/** The older viewer security policies CloudFront still offers: they allow TLS 1.0/1.1 (SSLv3 with a dedicated IP) or weaker ciphers. */
export const OUTDATED_CLOUDFRONT_POLICIES: readonly string[] = ['SSLv3', 'TLSv1', 'TLSv1_2016', 'TLSv1.1_2016', 'TLSv1.2_2018', 'TLSv1.2_2019'];
