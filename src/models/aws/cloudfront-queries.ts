/**
 * CloudFront viewer security policies that accept TLS 1.2 or later only with current ciphers: the
 * ones Security Hub CloudFront.15 accepts. Older ones (`TLSv1`, `TLSv1_2016`, `TLSv1.1_2016`,
 * `TLSv1.2_2018`, `TLSv1.2_2019`, `SSLv3`) allow TLS 1.0/1.1 or weaker ciphers.
 */
export const MODERN_CLOUDFRONT_POLICIES: readonly string[] = ['TLSv1.2_2021', 'TLSv1.2_2025', 'TLSv1.3_2025'];
