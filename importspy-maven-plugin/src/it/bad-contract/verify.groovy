// An invalid contract fails the build with each located contract error on its own line, and no stack trace.
def log = new File(basedir, 'build.log').text
assert log.contains('BUILD FAILURE')
assert log.contains('invalid ImportSpy contract:')
assert log.contains("spymodel.yml:6:9: unknown key 'paramters' in method; did you mean 'parameters'?")
