/** The recording strategy that records every supported resource type, now and as AWS Config adds them. */
export const ALL_SUPPORTED = 'ALL_SUPPORTED_RESOURCE_TYPES';
