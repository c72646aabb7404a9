/**
 * Bad input to the simulator's controls (`/__sim/*`, SimulatorControl, CLI): `field` names what to
 * fix, the message says how. The control routes answer it with 400.
 */
export class SimulatorInputError extends Error {
  override readonly name = "SimulatorInputError";
  readonly code = "SIMULATOR_INPUT";

  constructor(
    readonly field: string,
    /** What is wrong, without the field name. */
    readonly problem: string
  ) {
    super(`${field}: ${problem}`);
  }
}
