; Inno Setup 6.3+ script: a per-machine Windows installer for the Koers bundle.
; First build the bundle (see installer/README.md), then from the repository root:
;   iscc /DAppVersion=0.1.0 installer\koers.iss
; Result: dist\installer\koers-<version>-setup.exe. Relative paths are relative to this file.

#ifndef AppVersion
  #define AppVersion "0.0.0"
#endif
#ifndef DistDir
  #define DistDir "..\dist\koers"
#endif
#define AppName "Koers"
#define AppExe "koers.exe"
#define AppIcon AddBackslash(SourcePath) + "..\resources\koers.ico"

[Setup]
; Keep AppId the same in every release: upgrades and the uninstaller are found by it.
AppId={{F55A9E28-2817-403C-8611-B959CF81A426}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher={#AppName}
DefaultDirName={autopf}\{#AppName}
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
PrivilegesRequired=admin
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
OutputDir=..\dist\installer
OutputBaseFilename=koers-{#AppVersion}-setup
Compression=lzma2
SolidCompression=yes
WizardStyle=modern
UninstallDisplayIcon={app}\{#AppExe}
; File version info of setup.exe (Properties > Details); koers.exe gets its own from the spec.
VersionInfoVersion={#AppVersion}
VersionInfoProductVersion={#AppVersion}
VersionInfoCompany={#AppName}
VersionInfoProductName={#AppName}
VersionInfoDescription={#AppName} installatie
#if FileExists(AppIcon)
SetupIconFile={#AppIcon}
#endif

[Languages]
Name: "dutch"; MessagesFile: "compiler:Languages\Dutch.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[Files]
; The whole one-folder bundle: koers.exe and _internal\. User data lives in the profile
; (platformdirs), so an uninstall or upgrade never touches the database.
Source: "{#DistDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[InstallDelete]
; Files of an older version that the new bundle no longer has would otherwise linger.
Type: filesandordirs; Name: "{app}\_internal"

; No [UninstallDelete]: the uninstaller removes only what it installed. The school's data
; (database, key file, back-ups) live in the user's profile and stay; tests/packaging/
; test_installer_script.py checks that no entry reaches them.

[Icons]
Name: "{group}\{#AppName}"; Filename: "{app}\{#AppExe}"
Name: "{group}\{cm:UninstallProgram,{#AppName}}"; Filename: "{uninstallexe}"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\{#AppExe}"; Tasks: desktopicon

[Run]
Filename: "{app}\{#AppExe}"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent
