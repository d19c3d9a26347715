export * from './cast';
export * from './reshape';
