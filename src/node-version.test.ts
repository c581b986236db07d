import packageJson from '../package.json';
import { isSupportedNode, SUPPORTED_NODE } from './node-version';

test('the supported range is the one package.json declares', () => {
  expect(packageJson.engines.node).toBe(SUPPORTED_NODE);
});

test.each(['20.19.0', '20.20.2', '22.13.0', '22.20.1', '24.11.0', '25.0.0', 'v26.1.0'])('Node %s is supported', (version) => {
  expect(isSupportedNode(version)).toBe(true);
});

test.each(['16.20.2', '18.20.4', '20.0.0', '20.18.3', '21.7.3', '22.12.0', '23.11.0', '24.10.0'])('Node %s is not', (version) => {
  expect(isSupportedNode(version)).toBe(false);
});
