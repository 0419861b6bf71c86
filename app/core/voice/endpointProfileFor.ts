import type { EndpointProfileName } from '../../../speech/index.js';

/**
 * How patiently to wait for the end of what the citizen says, from what the robot just asked: reading out an ID or
 * phone number comes in groups with long pauses; everything else uses the default tuned for elderly speakers.
 */
export function endpointProfileFor(robotLine: string): EndpointProfileName {
  return /身份证号|号码|手机号|卡号|验证码/.test(robotLine) ? 'number' : 'default';
}
