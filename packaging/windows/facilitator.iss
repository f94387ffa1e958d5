; Inno Setup script: Facilitator for one Windows user, without administrator rights
; (docs/decisions/0018). Installs the PyInstaller folder build/bundle/dist/facilitator — the app,
; Python, Qt and VLC's libvlc.dll, libvlccore.dll and the plugins the app needs (packaging/
; bundle_plan.py) — into %LOCALAPPDATA%\Programs\Facilitator, with a Start menu entry.
; Uninstalling leaves the user's data (%LOCALAPPDATA%\Facilitator) where it is.
; Built by .github/workflows/bundle.yml: iscc /DAppVersion=0.1.0 packaging\windows\facilitator.iss
; Never built or run on the Linux machine this project is developed on.

#ifndef AppVersion
  #define AppVersion "0.1.0"
#endif
#define Dist "..\..\build\bundle\dist\facilitator"

[Setup]
AppId={{6E1F3C3A-5B8B-4C55-9A57-3F6B2D0C7E21}
AppName=Facilitator
AppVersion={#AppVersion}
AppPublisher=Facilitator contributors
AppComments=Samtalsledarens verktyg för interkulturella samtal, helt utan nätverk
; Per user: no UAC prompt, no administrator rights, the user's own Programs folder.
PrivilegesRequired=lowest
DefaultDirName={localappdata}\Programs\Facilitator
DefaultGroupName=Facilitator
DisableProgramGroupPage=yes
DisableDirPage=auto
UsePreviousAppDir=yes
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
OutputDir=..\..\build\bundle
OutputBaseFilename=facilitator-{#AppVersion}-windows-x86_64-setup
SetupIconFile=..\facilitator.ico
UninstallDisplayIcon={app}\Facilitator.exe
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern

[Languages]
Name: "swedish"; MessagesFile: "compiler:Languages\Swedish.isl"
Name: "english"; MessagesFile: "compiler:Default.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[Files]
; Everything PyInstaller made, VLC's libraries and plugins included (in _internal\).
Source: "{#Dist}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{userprograms}\Facilitator"; Filename: "{app}\Facilitator.exe"
Name: "{userdesktop}\Facilitator"; Filename: "{app}\Facilitator.exe"; Tasks: desktopicon

[Run]
Filename: "{app}\Facilitator.exe"; Description: "{cm:LaunchProgram,Facilitator}"; Flags: nowait postinstall skipifsilent

[UninstallDelete]
; Python may write bytecode caches beside the app; the user's data lives elsewhere and stays.
Type: filesandordirs; Name: "{app}\_internal\__pycache__"
